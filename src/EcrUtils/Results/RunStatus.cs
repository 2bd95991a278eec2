namespace EcrUtils.Results;

/// <summary>Where a run stands, or how it ended.</summary>
public enum RunStatus
{
    /// <summary>The run is under way.</summary>
    Running,

    /// <summary>Everything asked for was done.</summary>
    Succeeded,

    /// <summary>Some images or repositories failed; the others completed.</summary>
    PartialFailure,

    /// <summary>GetLatestImages found no image of the environment in some repository.</summary>
    MissingImages,

    /// <summary>An error stopped the run.</summary>
    Failed,

    /// <summary>The run was cancelled.</summary>
    Cancelled,
}
