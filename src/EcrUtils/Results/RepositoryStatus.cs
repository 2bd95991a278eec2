namespace EcrUtils.Results;

/// <summary>Where one repository of a deletion run stands.</summary>
public enum RepositoryStatus
{
    /// <summary>Its images are being read and planned.</summary>
    Planning,

    /// <summary>Planned, and nothing more is to be done (a preview).</summary>
    Planned,

    /// <summary>Planned; its tags are being removed.</summary>
    Deleting,

    /// <summary>Everything planned was done.</summary>
    Done,

    /// <summary>It failed, or a problem needs attention.</summary>
    Failed,

    /// <summary>The run was stopped before this repository was done; what was done is recorded.</summary>
    Cancelled,
}
