namespace EcrUtils.Operations;

/// <summary>What one BatchDeleteImage answer says of one image id that was sent: each id gets exactly one.</summary>
public enum IdOutcome
{
    /// <summary>ECR confirmed the deletion, from the image the plan meant.</summary>
    Removed,

    /// <summary>ECR answered <c>ImageNotFound</c>: already gone (a rerun, or another cleanup got there first).</summary>
    AlreadyGone,

    /// <summary>ECR removed the tag, but from another image than the plan meant: the tag had moved.</summary>
    TagMoved,

    /// <summary>ECR refused because an index still lists the image (<c>ImageReferencedByManifestList</c>): it stays.</summary>
    KeptByIndex,

    /// <summary>ECR listed the id as a failure of another kind.</summary>
    Failed,

    /// <summary>The answer neither confirmed the id nor listed it as a failure: nothing is known of it.</summary>
    Unconfirmed,
}
