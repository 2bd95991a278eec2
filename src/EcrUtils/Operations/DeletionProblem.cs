namespace EcrUtils.Operations;

/// <summary>Something that went wrong for one tag or image during a deletion.</summary>
/// <param name="Tag">The tag concerned, if any.</param>
/// <param name="Digest">The digest concerned, if any.</param>
/// <param name="Code">A short code: ECR's failure code, or <c>TagMoved</c>.</param>
/// <param name="Message">What happened and what to do.</param>
public sealed record DeletionProblem(string? Tag, string? Digest, string Code, string Message)
{
    /// <summary>The tag pointed at another image when it was deleted than when the plan was made.</summary>
    public const string TagMoved = "TagMoved";
}
