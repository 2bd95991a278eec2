using System.Text.Json.Nodes;

namespace EcrUtils.Tests.Fakes;

/// <summary>
/// A repository's images by tag and digest, and who lists whom, built once per BatchDeleteImage call and kept up to date
/// as the call removes tags and images (the caller holds the fake's lock).
/// </summary>
internal sealed class FakeEcrLookup
{
    private readonly FakeEcrRepository _repository;
    private readonly Dictionary<string, FakeEcrImage> _byTag = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeEcrImage> _byDigest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _listings = new(StringComparer.Ordinal);

    public FakeEcrLookup(FakeEcrRepository repository)
    {
        _repository = repository;
        foreach (var image in repository.Images)
        {
            _byDigest.TryAdd(image.Digest, image);
            foreach (var tag in image.Tags)
            {
                _byTag.TryAdd(tag, image);
            }

            foreach (var child in ChildDigests(image))
            {
                _listings[child] = _listings.GetValueOrDefault(child) + 1;
            }
        }
    }

    public FakeEcrImage? Find(string? tag, string? digest) =>
        tag is not null ? _byTag.GetValueOrDefault(tag) : digest is not null ? _byDigest.GetValueOrDefault(digest) : null;

    /// <summary>Whether another image present lists <paramref name="image"/> in its manifest.</summary>
    public bool IsReferenced(FakeEcrImage image) =>
        _listings.GetValueOrDefault(image.Digest) - ChildDigests(image).Count(c => c == image.Digest) > 0;

    public void TagRemoved(string tag) => _byTag.Remove(tag);

    public void Remove(FakeEcrImage image)
    {
        _repository.Images.Remove(image);
        _byDigest.Remove(image.Digest);
        foreach (var tag in image.Tags)
        {
            _byTag.Remove(tag);
        }

        foreach (var child in ChildDigests(image))
        {
            _listings[child]--;
        }
    }

    private static IEnumerable<string> ChildDigests(FakeEcrImage image) =>
        image.Manifest.Contains("\"manifests\"", StringComparison.Ordinal) && JsonNode.Parse(image.Manifest)?["manifests"] is JsonArray manifests
            ? manifests.Select(m => m?["digest"]?.GetValue<string>()).OfType<string>()
            : [];
}
