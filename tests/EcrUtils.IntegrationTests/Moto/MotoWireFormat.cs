namespace EcrUtils.IntegrationTests;

// The JSON of the launcher's test endpoints (see moto_launcher.py).

internal sealed record SeedResponse(IReadOnlyList<string> Digests);

internal sealed record StateResponse(IReadOnlyList<RepositoryStateResponse> Repositories);

internal sealed record RepositoryStateResponse(
    string Name, string Arn, string Uri, Dictionary<string, string> Tags, IReadOnlyList<ImageStateResponse> Images);

internal sealed record ImageStateResponse(
    string Digest,
    IReadOnlyList<string> Tags,
    double PushedAt,
    string? MediaType,
    long? Size,
    string Manifest,
    string Status,
    double? LastArchivedAt,
    double? LastActivatedAt,
    double? LastRecordedPullTime);

internal sealed record ArchivalClockResponse(double Now);

internal sealed record IamUserResponse(string UserName, string AccessKeyId, string SecretAccessKey);
