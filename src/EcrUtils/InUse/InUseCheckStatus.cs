namespace EcrUtils.InUse;

/// <summary>How the in-use check of a deletion run went.</summary>
public enum InUseCheckStatus
{
    /// <summary>The check did not run (<c>--in-use-check=off</c>): images in use were not protected.</summary>
    Off,

    /// <summary>ECS and Lambda were read; every image in use is kept.</summary>
    Done,

    /// <summary>The check could not run, so the run stopped before deleting anything.</summary>
    Failed,
}
