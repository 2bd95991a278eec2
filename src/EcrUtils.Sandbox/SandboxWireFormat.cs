using System.Text.Json.Serialization;

namespace EcrUtils.Sandbox;

// The JSON of the launcher's endpoints /_ecrutils/seed and /_ecrutils/state (see moto_launcher.py).

internal sealed record SeedRequest(string Region, IReadOnlyList<SeedRepository> Repositories, IReadOnlyList<SeedImage> Images);

internal sealed record SeedRepository(string Name, IReadOnlyDictionary<string, string> Tags);

internal sealed record SeedImage(
    string Repository,
    string Manifest,
    string MediaType,
    IReadOnlyList<string> Tags,
    double PushedAt,
    string? Status = null,
    double? LastArchivedAt = null,
    double? LastRecordedPullTime = null);

internal sealed record SeedResponse(IReadOnlyList<string> Digests);

internal sealed record RegistryState(IReadOnlyList<RepositoryState> Repositories);

internal sealed record RepositoryState(string Name, string Uri, IReadOnlyList<ImageState> Images);

internal sealed record ImageState(
    string Digest,
    IReadOnlyList<string> Tags,
    double PushedAt,
    string? MediaType,
    long? Size,
    string Manifest,
    string Status = ImageStatuses.Active,
    double? LastRecordedPullTime = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SeedRequest))]
[JsonSerializable(typeof(SeedResponse))]
[JsonSerializable(typeof(RegistryState))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext;
