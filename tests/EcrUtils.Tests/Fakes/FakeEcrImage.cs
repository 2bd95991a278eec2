using System.Text.Json.Nodes;

namespace EcrUtils.Tests.Fakes;

/// <summary>
/// An image as the fake stores it; tags change as tags are removed or moved. It belongs to at most one repository's
/// <see cref="FakeEcrImages"/>, which it tells about changes of its tags and status.
/// </summary>
internal sealed class FakeEcrImage
{
    private string _status;
    private IReadOnlyList<string>? _childDigests;

    public FakeEcrImage(
        string digest,
        IEnumerable<string> tags,
        DateTimeOffset pushedAt,
        long sizeInBytes,
        string mediaType,
        string manifest,
        string status,
        string? artifactMediaType)
    {
        Digest = digest;
        Tags = new FakeEcrImageTags(this, tags);
        PushedAt = pushedAt;
        SizeInBytes = sizeInBytes;
        MediaType = mediaType;
        Manifest = manifest;
        _status = status;
        ArtifactMediaType = artifactMediaType;
    }

    public string Digest { get; }

    public FakeEcrImageTags Tags { get; }

    public DateTimeOffset PushedAt { get; }

    public long SizeInBytes { get; }

    public string MediaType { get; }

    public string Manifest { get; }

    public string Status
    {
        get => _status;
        set
        {
            var before = Shape;
            _status = value;
            Owner?.Reshaped(this, before);
        }
    }

    public string? ArtifactMediaType { get; }

    /// <summary>What DescribeImages reports as <c>lastRecordedPullTime</c>; null for an image never pulled.</summary>
    public DateTimeOffset? LastRecordedPullTime { get; set; }

    public DateTimeOffset? LastArchivedAt { get; set; }

    public DateTimeOffset? LastActivatedAt { get; set; }

    /// <summary>When the restore under way ends (ACTIVATING images only); see <see cref="FakeEcr.ActivationDelay"/>.</summary>
    internal DateTimeOffset? ActivationDue { get; set; }

    /// <summary>The digests this image's manifest lists (an index's children); parsed once, as a manifest never changes.</summary>
    public IReadOnlyList<string> ChildDigests => _childDigests ??= ParseChildDigests(Manifest);

    /// <summary>What DescribeImages filters on.</summary>
    internal (string Status, bool Tagged) Shape => (_status, Tags.Count > 0);

    internal FakeEcrImages? Owner { get; private set; }

    /// <summary>The image's position in its owner's storage; grows with push order.</summary>
    internal int Slot { get; set; }

    internal void Attach(FakeEcrImages owner, int slot)
    {
        if (Owner is not null)
        {
            throw new InvalidOperationException($"Image {Digest} is in a repository already: push a new image instead.");
        }

        Owner = owner;
        Slot = slot;
    }

    internal void Detach() => Owner = null;

    private static IReadOnlyList<string> ParseChildDigests(string manifest) =>
        manifest.Contains("\"manifests\"", StringComparison.Ordinal) && JsonNode.Parse(manifest)?["manifests"] is JsonArray manifests
            ? [.. manifests.Select(m => m?["digest"]?.GetValue<string>()).OfType<string>()]
            : [];
}
