namespace EcrUtils.Results;

/// <summary>What became of one image of a repository's plan.</summary>
public enum ImageOutcome
{
    /// <summary>Kept: the plan keeps it, or ECR refused to delete it because an index still lists it.</summary>
    Kept,

    /// <summary>Planned: a preview, or not reached (yet), or ECR's answer left its tags unconfirmed.</summary>
    Planned,

    /// <summary>Every tag it was to lose is gone.</summary>
    Removed,

    /// <summary>Some of the tags it was to lose are gone.</summary>
    PartlyRemoved,

    /// <summary>ECR failed to remove one of its tags.</summary>
    Failed,
}
