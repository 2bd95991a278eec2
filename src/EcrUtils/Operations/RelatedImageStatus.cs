namespace EcrUtils.Operations;

/// <summary>What became of a child or companion that was to be deleted.</summary>
public enum RelatedImageStatus
{
    /// <summary>It is to be deleted, and no answer has said what became of it (a preview, or not reached).</summary>
    Planned,

    /// <summary>It is gone (deleted now, or already gone).</summary>
    Deleted,

    /// <summary>It stays: ECR refused because an index still lists it, or what it goes with did not go.</summary>
    Kept,

    /// <summary>Its deletion failed; the problem is reported.</summary>
    Failed,

    /// <summary>ECR's answer neither confirmed its deletion nor listed a failure; the problem is reported.</summary>
    Unconfirmed,

    /// <summary>It was archived with the index it belongs to (<c>--archive</c>).</summary>
    Archived,
}
