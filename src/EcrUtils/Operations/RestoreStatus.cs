namespace EcrUtils.Operations;

/// <summary>Where one image of a RestoreImages run stands.</summary>
public enum RestoreStatus
{
    /// <summary>Archived, and to be restored (a preview stops here).</summary>
    Planned,

    /// <summary>The restore was asked for; ECR is making the image active (typically up to 20 minutes).</summary>
    Activating,

    /// <summary>Restored: the image can be pulled again.</summary>
    Active,

    /// <summary>Named by --image-tag but not archived: nothing to do.</summary>
    NotArchived,

    /// <summary>Already being restored (by an earlier run, or by someone else): nothing was sent.</summary>
    AlreadyActivating,

    /// <summary>ECR refused the restore, or no answer said what became of it; the message says which.</summary>
    Failed,
}
