namespace EcrUtils.Results;

/// <summary>What became of one image of a repository's plan.</summary>
public enum ImageOutcome
{
    /// <summary>Kept: the plan keeps it, or ECR refused to delete it because an index still lists it.</summary>
    Kept,

    /// <summary>Planned: a preview, or not reached (yet).</summary>
    Planned,

    /// <summary>Every tag it was to lose is gone.</summary>
    Removed,

    /// <summary>Some of the tags it was to lose are gone.</summary>
    PartlyRemoved,

    /// <summary>ECR failed to remove one of its tags.</summary>
    Failed,

    /// <summary>
    /// Some of the tags it was to lose were sent, but no answer said what became of them (ECR's answer left them out,
    /// or the call was given up): not counted as removed; the next run finds out.
    /// </summary>
    Unconfirmed,

    /// <summary>Archived instead of deleted (<c>--archive</c>): it keeps its tags and can be restored.</summary>
    Archived,
}
