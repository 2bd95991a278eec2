namespace EcrUtils.Tests.Fakes;

/// <summary>An image as the fake stores it; tags change as tags are removed or moved.</summary>
internal sealed class FakeEcrImage(
    string digest,
    IEnumerable<string> tags,
    DateTimeOffset pushedAt,
    long sizeInBytes,
    string mediaType,
    string manifest,
    string status,
    string? artifactMediaType)
{
    public string Digest { get; } = digest;

    public List<string> Tags { get; } = [.. tags];

    public DateTimeOffset PushedAt { get; } = pushedAt;

    public long SizeInBytes { get; } = sizeInBytes;

    public string MediaType { get; } = mediaType;

    public string Manifest { get; } = manifest;

    public string Status { get; set; } = status;

    public string? ArtifactMediaType { get; } = artifactMediaType;
}
