namespace EcrUtils.Options;

/// <summary>The tasks EcrUtils runs.</summary>
public enum EcrTask
{
    /// <summary>Reports the newest image of an environment per repository.</summary>
    GetLatestImages,

    /// <summary>Keeps the newest images of an environment and removes the environment from the older ones.</summary>
    DeleteOldestImages,

    /// <summary>Removes the environment from all of its images.</summary>
    DeleteAllImages,

    /// <summary>Restores archived images of an environment.</summary>
    RestoreImages,

    /// <summary>Lists the environments a registry holds (read-only).</summary>
    ListEnvironments,
}
