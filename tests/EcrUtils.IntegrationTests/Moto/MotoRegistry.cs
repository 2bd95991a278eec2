using System.Net.Http.Json;
using System.Text.Json;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// Seeds and inspects moto's ECR directly, through the launcher's test endpoints: fast, with push
/// times under the test's control, and independent of the ECR client under test.
/// </summary>
public sealed class MotoRegistry(MotoServer server, string? accountId = null, string? region = null)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public string AccountId { get; } = accountId ?? server.AccountId;

    public string Region { get; } = region ?? server.Region;

    public Task CreateRepositoryAsync(
        string name, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default) =>
        SeedAsync(new MotoSeed { Repositories = [new SeedRepository(name, tags)] }, cancellationToken);

    /// <summary>
    /// Pushes a new, unique single-platform image; returns its digest. <paramref name="status"/> (see
    /// <see cref="ImageStatuses"/>) and <paramref name="lastRecordedPullTime"/> seed its archival state
    /// and its last pull, as <see cref="SeedImage"/> does.
    /// </summary>
    public async Task<string> PushImageAsync(
        string repository,
        IReadOnlyList<string> tags,
        DateTimeOffset pushedAt,
        long sizeInBytes = 1024,
        string mediaType = MediaTypes.OciManifest,
        string? status = null,
        DateTimeOffset? lastRecordedPullTime = null,
        CancellationToken cancellationToken = default)
    {
        var manifest = TestManifests.Image(sizeInBytes, mediaType);
        var digests = await SeedAsync(
            new MotoSeed { Images = [new SeedImage(repository, manifest, tags, pushedAt, status, lastRecordedPullTime)] },
            cancellationToken);
        return digests[0];
    }

    /// <summary>Pushes <paramref name="manifest"/> (new, or again under more tags); returns its digest.</summary>
    public async Task<string> PushAsync(
        string repository,
        TestManifest manifest,
        IReadOnlyList<string> tags,
        DateTimeOffset? pushedAt = null,
        CancellationToken cancellationToken = default)
    {
        var digests = await SeedAsync(
            new MotoSeed { Images = [new SeedImage(repository, manifest, tags, pushedAt)] }, cancellationToken);
        return digests[0];
    }

    /// <summary>
    /// Pushes a multi-arch image as a registry receives it: one untagged child manifest per
    /// platform, then the index under <paramref name="tags"/>.
    /// </summary>
    public Task<PushedIndex> PushIndexAsync(
        string repository,
        IReadOnlyList<string> tags,
        DateTimeOffset pushedAt,
        IReadOnlyList<string>? platforms = null,
        string mediaType = MediaTypes.OciIndex,
        CancellationToken cancellationToken = default)
    {
        IReadOnlyList<TestManifest> children =
        [
            .. (platforms ?? ["linux/amd64", "linux/arm64"])
                .Select(platform => TestManifests.Image(mediaType: TestManifests.ChildMediaType(mediaType), platform: platform)),
        ];
        return PushIndexAsync(repository, tags, pushedAt, children, mediaType, cancellationToken);
    }

    /// <summary>Like the other overload, over given children, e.g. a child shared with another index.</summary>
    public async Task<PushedIndex> PushIndexAsync(
        string repository,
        IReadOnlyList<string> tags,
        DateTimeOffset pushedAt,
        IReadOnlyList<TestManifest> children,
        string mediaType = MediaTypes.OciIndex,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(children);
        var index = TestManifests.Index(children, mediaType);
        // A child that is already stored (shared with another index) keeps its push time.
        IReadOnlyList<SeedImage> images =
        [
            .. children.Select(child => new SeedImage(repository, child, [], pushedAt)),
            new SeedImage(repository, index, tags, pushedAt),
        ];
        await SeedAsync(new MotoSeed { Images = images }, cancellationToken);
        return new PushedIndex(index, children);
    }

    /// <summary>Creates repositories, then pushes images in order; returns the images' digests in order.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(MotoSeed seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var request = new
        {
            accountId = AccountId,
            region = Region,
            repositories = seed.Repositories.Select(repository => new
            {
                name = repository.Name,
                tags = repository.Tags ?? new Dictionary<string, string>(),
            }),
            images = seed.Images.Select(image => new
            {
                repository = image.Repository,
                manifest = image.Manifest.Json,
                mediaType = image.Manifest.MediaType,
                tags = image.Tags,
                pushedAt = EpochSecondsOrNull(image.PushedAt),
                status = image.Status,
                lastRecordedPullTime = EpochSecondsOrNull(image.LastRecordedPullTime),
                lastArchivedAt = EpochSecondsOrNull(image.LastArchivedAt),
            }),
        };
        var response = await PostAsync<SeedResponse>("seed", request, cancellationToken);
        for (var i = 0; i < seed.Images.Count; i++)
        {
            if (response.Digests[i] != seed.Images[i].Manifest.Digest)
            {
                throw new InvalidOperationException(
                    $"moto stored image {i} as {response.Digests[i]}, not {seed.Images[i].Manifest.Digest}: " +
                    "the launcher must hash the manifest's UTF-8 bytes.");
            }
        }

        return response.Digests;
    }

    public Task SetPushedAtAsync(
        string repository, string digest, DateTimeOffset pushedAt, CancellationToken cancellationToken = default) =>
        PostAsync<Dictionary<string, string>>(
            "pushed-at",
            new { accountId = AccountId, region = Region, repository, digest, pushedAt = EpochSeconds(pushedAt) },
            cancellationToken);

    /// <summary>
    /// Sets an image's status without UpdateImageStorageClass's checks, as of <paramref name="at"/> (the
    /// launcher's archival clock when null): lastArchivedAt for ARCHIVED, the start of the restore for
    /// ACTIVATING, lastActivatedAt for ACTIVE when the image was not active.
    /// </summary>
    public Task SetImageStatusAsync(
        string repository, string digest, string status, DateTimeOffset? at = null, CancellationToken cancellationToken = default) =>
        PostAsync<Dictionary<string, string>>(
            "image-status",
            new { accountId = AccountId, region = Region, repository, digest, status, at = EpochSecondsOrNull(at) },
            cancellationToken);

    /// <summary>Sets what DescribeImages reports as the image's lastRecordedPullTime; null: never pulled.</summary>
    public Task SetLastRecordedPullTimeAsync(
        string repository, string digest, DateTimeOffset? pulledAt, CancellationToken cancellationToken = default) =>
        PostAsync<Dictionary<string, string>>(
            "pull-time",
            new { accountId = AccountId, region = Region, repository, digest, lastRecordedPullTime = EpochSecondsOrNull(pulledAt) },
            cancellationToken);

    /// <summary>
    /// How long a restored image stays ACTIVATING on the launcher's archival clock (zero until set, and
    /// again after <see cref="MotoServer.ResetAsync"/>: the next read finds it ACTIVE).
    /// </summary>
    public Task SetActivationDelayAsync(TimeSpan delay, CancellationToken cancellationToken = default) =>
        PostAsync<Dictionary<string, string>>("activation-delay", new { seconds = delay.TotalSeconds }, cancellationToken);

    /// <summary>
    /// Moves the launcher's archival clock forward (it times archiving and restores, not pushes), so that a
    /// restore ends without waiting; returns the clock's time now. <see cref="MotoServer.ResetAsync"/> sets it back.
    /// </summary>
    public async Task<DateTimeOffset> AdvanceArchivalClockAsync(TimeSpan by, CancellationToken cancellationToken = default)
    {
        var response = await PostAsync<ArchivalClockResponse>("archival-clock", new { advanceSeconds = by.TotalSeconds }, cancellationToken);
        return FromEpochSeconds(response.Now);
    }

    public async Task<RegistryState> GetStateAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            new Uri($"/_ecrutils/state?accountId={Uri.EscapeDataString(AccountId)}&region={Uri.EscapeDataString(Region)}", UriKind.Relative));
        var body = await server.SendAsync(request, cancellationToken);
        var state = Deserialize<StateResponse>(body);
        return new RegistryState(
        [
            .. state.Repositories.Select(repository => new RepositoryState(
                repository.Name,
                repository.Arn,
                repository.Uri,
                repository.Tags,
                [.. repository.Images.Select(ToImageState)])),
        ]);
    }

    /// <summary>
    /// Creates an IAM user allowed what <paramref name="policyJson"/> allows (see <see cref="IamPolicies"/>),
    /// then turns on moto's signature and permission checks. <see cref="MotoServer.ResetAsync"/> turns them off.
    /// </summary>
    public async Task<MotoCredentials> EnableAuthAsync(string policyJson, CancellationToken cancellationToken = default)
    {
        // The user must exist before the checks start: moto checks its own IAM calls too.
        var user = await PostAsync<IamUserResponse>(
            "iam-user", new { accountId = AccountId, region = Region, policy = policyJson }, cancellationToken);
        await server.SetAuthAsync(enabled: true, cancellationToken);
        return new MotoCredentials(user.UserName, user.AccessKeyId, user.SecretAccessKey);
    }

    public Task DisableAuthAsync(CancellationToken cancellationToken = default) =>
        server.SetAuthAsync(enabled: false, cancellationToken);

    private async Task<T> PostAsync<T>(string endpoint, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/_ecrutils/{endpoint}", UriKind.Relative))
        {
            Content = JsonContent.Create(body, options: s_json),
        };
        return Deserialize<T>(await server.SendAsync(request, cancellationToken));
    }

    private static T Deserialize<T>(string body) =>
        JsonSerializer.Deserialize<T>(body, s_json)
        ?? throw new InvalidOperationException($"The moto launcher answered an unexpected body: {body}");

    private static ImageState ToImageState(ImageStateResponse image) => new(
        image.Digest,
        image.Tags,
        FromEpochSeconds(image.PushedAt),
        image.MediaType,
        image.Size,
        new TestManifest(image.Manifest, image.MediaType ?? ""),
        image.Status,
        FromEpochSecondsOrNull(image.LastRecordedPullTime),
        FromEpochSecondsOrNull(image.LastArchivedAt),
        FromEpochSecondsOrNull(image.LastActivatedAt));

    // Milliseconds survive the round trip: the double nearest to ms / 1000 prints back as those digits.
    private static double EpochSeconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

    private static double? EpochSecondsOrNull(DateTimeOffset? time) => time is { } value ? EpochSeconds(value) : null;

    private static DateTimeOffset FromEpochSeconds(double seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));

    private static DateTimeOffset? FromEpochSecondsOrNull(double? seconds) => seconds is { } value ? FromEpochSeconds(value) : null;
}
