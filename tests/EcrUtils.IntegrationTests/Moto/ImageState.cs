namespace EcrUtils.IntegrationTests;

/// <summary>
/// One image as moto stores it. <see cref="SizeInBytes"/> is null for an index. <see cref="Manifest"/>
/// lets a test push the same image again, e.g. under another environment's tag.
/// </summary>
public sealed record ImageState(
    string Digest,
    IReadOnlyList<string> Tags,
    DateTimeOffset PushedAt,
    string? MediaType,
    long? SizeInBytes,
    TestManifest? Manifest = null);
