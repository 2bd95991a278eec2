namespace EcrUtils.Sandbox;

/// <summary>An image as it was, whether it is gone, and the tags it lost.</summary>
internal sealed record ImageChange(RegistryRow Row, bool Deleted, IReadOnlyList<string> LostTags);
