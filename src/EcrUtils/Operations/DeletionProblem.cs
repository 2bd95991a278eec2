using EcrUtils.Ecr;

namespace EcrUtils.Operations;

/// <summary>Something that went wrong for one tag or image during a deletion.</summary>
/// <param name="Tag">The tag concerned, if any.</param>
/// <param name="Digest">The digest concerned, if any.</param>
/// <param name="Code">A short code: ECR's failure code, <c>TagMoved</c> or <c>Unconfirmed</c>.</param>
/// <param name="Message">What happened and what to do.</param>
public sealed record DeletionProblem(string? Tag, string? Digest, string Code, string Message)
{
    /// <summary>The tag pointed at another image when it was deleted than when the plan was made.</summary>
    public const string TagMoved = "TagMoved";

    /// <summary>No answer of ECR confirmed the deletion of an id or listed it as a failure.</summary>
    public const string Unconfirmed = "Unconfirmed";

    /// <summary>
    /// The problem of an id that ECR's answer left out (<paramref name="answered"/>), or whose call got no answer that
    /// says what it did: it is not counted as removed.
    /// </summary>
    public static DeletionProblem UnconfirmedId(ImageId id, string? digest, bool answered = true)
    {
        ArgumentNullException.ThrowIfNull(id);
        var what = answered
            ? $"ECR's answer neither confirmed nor refused the deletion of {id}"
            : $"The call that deleted {id} ended without an answer that says what it did (the run was aborted, or the call failed), so ECR may or may not have deleted it";
        return new DeletionProblem(
            id.Tag,
            id.Digest ?? digest,
            Unconfirmed,
            $"{what}; it is not counted as removed. "
            + "Run the same command again: the rerun finds it where it is and removes it, or finds it gone and counts it as removed by this run.");
    }
}
