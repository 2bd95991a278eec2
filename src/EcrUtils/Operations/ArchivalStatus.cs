namespace EcrUtils.Operations;

/// <summary>What became of one image that was to be archived.</summary>
public enum ArchivalStatus
{
    /// <summary>ECR answered that it is archived.</summary>
    Archived,

    /// <summary>ECR refused (e.g. the image is gone, or cannot be archived); the problem is reported.</summary>
    Failed,

    /// <summary>No answer said what became of it (the run was aborted, or the call failed after every retry).</summary>
    Unconfirmed,
}
