namespace EcrUtils.IntegrationTests;

/// <summary>
/// One image as moto stores it. <see cref="SizeInBytes"/> is null for an index. <see cref="Manifest"/>
/// lets a test push the same image again, e.g. under another environment's tag. <see cref="Status"/> is
/// one of <see cref="ImageStatuses"/>; the archival times and the last recorded pull are null until set.
/// </summary>
public sealed record ImageState(
    string Digest,
    IReadOnlyList<string> Tags,
    DateTimeOffset PushedAt,
    string? MediaType,
    long? SizeInBytes,
    TestManifest? Manifest = null,
    string Status = ImageStatuses.Active,
    DateTimeOffset? LastRecordedPullTime = null,
    DateTimeOffset? LastArchivedAt = null,
    DateTimeOffset? LastActivatedAt = null);
