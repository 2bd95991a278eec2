namespace EcrUtils.Sandbox;

/// <summary>
/// An image as it was, whether it is gone, the tags it lost, and its status now when the run changed it (archived or
/// restored), else null.
/// </summary>
internal sealed record ImageChange(RegistryRow Row, bool Deleted, IReadOnlyList<string> LostTags, string? NewStatus = null);
