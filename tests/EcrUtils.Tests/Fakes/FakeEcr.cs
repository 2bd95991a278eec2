using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using EcrUtils.Aws;
using EcrUtils.Connections;
using EcrUtils.Ecr;
using Polly;

namespace EcrUtils.Tests.Fakes;

/// <summary>
/// An in-memory ECR registry (one account, one region) served in-process over HTTP, for tests of anything that uses
/// <see cref="IEcrClient"/>. It enforces ECR's documented limits (maxResults 1..1000, default page 100, at most 100
/// image ids a batch, no maxResults with repositoryNames), deletes like ECR (a tag removal deletes the image with its
/// last tag), and can inject faults (<see cref="Faults"/>) and run code before each call (<see cref="BeforeCall"/>).
/// Requests that break the protocol throw <see cref="ContractViolationException"/> and are kept in <see cref="Violations"/>.
/// A call costs what it touches, not the repository's size (<see cref="FakeEcrImages"/>), so that a benchmark over
/// 100,000 images measures the client. It emulates image archival: statuses (DescribeImages and ListImages answer ACTIVE
/// images only without a filter), the archival times and last recorded pull of DescribeImages, and
/// UpdateImageStorageClass, whose restores end <see cref="ActivationDelay"/> later on <see cref="Clock"/>.
/// </summary>
internal sealed class FakeEcr(TimeProvider? clock = null)
{
    public const string AccountId = "123456789012";
    public const string Region = "us-east-1";
    public const string AccessKeyId = "AKIDFAKEECREXAMPLE01";
    public const string DockerManifestMediaType = "application/vnd.docker.distribution.manifest.v2+json";
    public const string OciIndexMediaType = "application/vnd.oci.image.index.v1+json";

    private readonly Dictionary<string, int> _callCounts = new(StringComparer.Ordinal);
    private readonly List<FakeEcrCall> _calls = [];
    private readonly List<string> _violations = [];
    private readonly List<FakeEcrImage> _activating = [];

    public static Uri Endpoint { get; } = new($"https://api.ecr.{Region}.amazonaws.com/");

    public FakeEcrFaults Faults { get; } = new();

    /// <summary>The clock of archival times and restores (the system's unless given, e.g. a <c>FakeTimeProvider</c>).</summary>
    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <summary>How long a restored image stays ACTIVATING on <see cref="Clock"/>; zero (the default): the next call finds it ACTIVE.</summary>
    public TimeSpan ActivationDelay { get; set; }

    /// <summary>Runs before each call is answered (after faults), e.g. to move a tag while a deletion is under way.</summary>
    public Func<FakeEcrCall, ValueTask>? BeforeCall { get; set; }

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (Gate)
            {
                return [.. _violations];
            }
        }
    }

    public IReadOnlyList<FakeEcrCall> Calls
    {
        get
        {
            lock (Gate)
            {
                return [.. _calls];
            }
        }
    }

    internal Lock Gate { get; } = new();

    internal List<FakeEcrRepository> Repositories { get; } = [];

    /// <summary>A digest derived from <paramref name="seed"/>, shaped like a real one.</summary>
    public static string Digest(string seed) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));

    public int CallCount(string operation)
    {
        lock (Gate)
        {
            return _callCounts.GetValueOrDefault(operation);
        }
    }

    public void AddRepository(string name, IReadOnlyDictionary<string, string>? tags = null)
    {
        lock (Gate)
        {
            if (Repositories.Any(r => r.Name == name))
            {
                throw new InvalidOperationException($"Repository {name} exists already.");
            }

            Repositories.Add(new FakeEcrRepository(name, tags ?? new Dictionary<string, string>()));
        }
    }

    /// <summary>
    /// Pushes an image; a tag that another image holds moves to this one, as a push does. A <paramref name="status"/>
    /// other than ACTIVE is set as <see cref="SetStatus"/> sets it now, archived at <paramref name="lastArchivedAt"/>
    /// when given; <paramref name="lastRecordedPullTime"/> is the image's last recorded pull.
    /// </summary>
    public void AddImage(
        string repository,
        string digest,
        IReadOnlyList<string> tags,
        DateTimeOffset pushedAt,
        long sizeInBytes = 1000,
        string mediaType = DockerManifestMediaType,
        string? manifest = null,
        string status = FakeEcrImageStatus.Active,
        string? artifactMediaType = null,
        DateTimeOffset? lastRecordedPullTime = null,
        DateTimeOffset? lastArchivedAt = null)
    {
        CheckStatus(status);
        lock (Gate)
        {
            var repo = Repository(repository);
            if (repo.Images.Lookup.Find(null, digest) is not null)
            {
                throw new InvalidOperationException($"Image {digest} exists already in {repository}.");
            }

            foreach (var holder in tags.SelectMany(repo.Images.Lookup.WithTag).Distinct().ToList())
            {
                holder.Tags.RemoveAll(tags.Contains);
            }

            manifest ??= new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = mediaType, ["digest"] = digest }.ToJsonString();
            var image = new FakeEcrImage(digest, tags, pushedAt, sizeInBytes, mediaType, manifest, FakeEcrImageStatus.Active, artifactMediaType)
            {
                LastRecordedPullTime = lastRecordedPullTime,
            };
            repo.Images.Add(image);
            if (status != FakeEcrImageStatus.Active)
            {
                SetArchivalStatus(image, status, Clock.GetUtcNow());
            }

            image.LastArchivedAt = lastArchivedAt ?? image.LastArchivedAt;
        }
    }

    /// <summary>The repository's images now, in push order.</summary>
    public IReadOnlyList<EcrImage> Images(string repository)
    {
        lock (Gate)
        {
            SettleActivations();
            return [.. Repository(repository).Images.Select(i => new EcrImage(
                i.Digest, [.. i.Tags], i.PushedAt, i.SizeInBytes, i.MediaType, i.ArtifactMediaType, i.Status))];
        }
    }

    /// <summary>Moves <paramref name="tag"/> to the image <paramref name="toDigest"/>, as another pipeline's push would.</summary>
    public void MoveTag(string repository, string tag, string toDigest)
    {
        lock (Gate)
        {
            var repo = Repository(repository);
            var target = Image(repo, toDigest);
            foreach (var image in repo.Images.Lookup.WithTag(tag))
            {
                image.Tags.Remove(tag);
            }

            target.Tags.Add(tag);
        }
    }

    /// <summary>
    /// Sets an image's status without UpdateImageStorageClass's checks, as of <paramref name="at"/> (the fake's clock when
    /// null): lastArchivedAt for ARCHIVED, the start of a restore that lasts <see cref="ActivationDelay"/> for ACTIVATING,
    /// lastActivatedAt for ACTIVE when the image was not active.
    /// </summary>
    public void SetStatus(string repository, string digest, string status, DateTimeOffset? at = null)
    {
        lock (Gate)
        {
            SettleActivations();
            SetArchivalStatus(Image(Repository(repository), digest), status, at ?? Clock.GetUtcNow());
        }
    }

    /// <summary>Sets what DescribeImages reports as the image's lastRecordedPullTime; null: never pulled.</summary>
    public void SetLastRecordedPullTime(string repository, string digest, DateTimeOffset? pulledAt)
    {
        lock (Gate)
        {
            Image(Repository(repository), digest).LastRecordedPullTime = pulledAt;
        }
    }

    /// <summary>The image's status, archival times and last recorded pull now.</summary>
    public FakeEcrArchival Archival(string repository, string digest)
    {
        lock (Gate)
        {
            SettleActivations();
            var image = Image(Repository(repository), digest);
            return new FakeEcrArchival(image.Status, image.LastArchivedAt, image.LastActivatedAt, image.LastRecordedPullTime);
        }
    }

    /// <summary>
    /// The production client (signing included) over this fake. Without a pipeline, nothing is retried; pass
    /// <c>EcrResilience.Create(settings, fakeTimeProvider)</c> to test retries.
    /// </summary>
    public IEcrClient CreateClient(ResiliencePipeline? pipeline = null)
    {
        var credentials = new DeferredCredentials(
            _ => Task.FromResult<AWSCredentials>(new BasicAWSCredentials(AccessKeyId, "fake-secret-key")),
            TimeSpan.FromSeconds(30),
            TimeProvider.System);
        return EcrClientFactory.Create(Region, Endpoint, credentials, new FakeEcrHandler(this), pipeline ?? ResiliencePipeline.Empty);
    }

    internal FakeEcrCall RecordCall(string operation, JsonObject body, string authorization, string amzDate)
    {
        lock (Gate)
        {
            var number = _callCounts[operation] = _callCounts.GetValueOrDefault(operation) + 1;
            var call = new FakeEcrCall(operation, number, body, authorization, amzDate);
            _calls.Add(call);
            return call;
        }
    }

    internal ContractViolationException Violation(string message)
    {
        lock (Gate)
        {
            _violations.Add(message);
        }

        return new ContractViolationException(message);
    }

    /// <summary>Moves an image to <paramref name="status"/> as of <paramref name="at"/>, recording the archival times (caller holds <see cref="Gate"/>).</summary>
    internal void SetArchivalStatus(FakeEcrImage image, string status, DateTimeOffset at)
    {
        CheckStatus(status);
        var wasActive = image.Status == FakeEcrImageStatus.Active;
        image.Status = status;
        image.ActivationDue = null;
        switch (status)
        {
            case FakeEcrImageStatus.Archived:
                image.LastArchivedAt = at;
                break;
            case FakeEcrImageStatus.Activating:
                image.ActivationDue = at + ActivationDelay;
                _activating.Add(image);
                break;
            default:
                image.LastActivatedAt = wasActive ? image.LastActivatedAt : at;
                break;
        }
    }

    /// <summary>Ends the restores whose time on <see cref="Clock"/> is up, as ECR does on its own (caller holds <see cref="Gate"/>).</summary>
    internal void SettleActivations()
    {
        if (_activating.Count == 0)
        {
            return;
        }

        var now = Clock.GetUtcNow();
        _activating.RemoveAll(image =>
        {
            // Deleted, or given another status since: nothing left to end.
            if (image.Owner is null || image.ActivationDue is not { } due)
            {
                return true;
            }

            if (now < due)
            {
                return false;
            }

            image.Status = FakeEcrImageStatus.Active;
            image.LastActivatedAt = due;
            image.ActivationDue = null;
            return true;
        });
    }

    internal FakeEcrRepository Repository(string name) =>
        Repositories.SingleOrDefault(r => r.Name == name)
        ?? throw new InvalidOperationException($"The fake has no repository {name}: add it first.");

    private static void CheckStatus(string status)
    {
        if (!FakeEcrImageStatus.All.Contains(status))
        {
            throw new ArgumentException($"'{status}' is no image status: use one of {string.Join(", ", FakeEcrImageStatus.All)}.", nameof(status));
        }
    }

    private static FakeEcrImage Image(FakeEcrRepository repository, string digest) =>
        repository.Images.Lookup.FindSingle(null, digest)
        ?? throw new InvalidOperationException($"The fake has no image {digest} in {repository.Name}: push it first.");
}
