namespace EcrUtils.Tests.Fakes;

/// <summary>
/// A repository's images by tag and by digest, and how many present images list each digest, kept up to date as images
/// come and go and tags change, so that a call costs what it touches rather than the repository's size (the caller holds
/// the fake's lock). A tag or digest normally has one holder; a test that gives two images the same tag directly gets
/// the first pushed one, as a search in push order would.
/// </summary>
internal sealed class FakeEcrLookup
{
    private readonly Dictionary<string, List<FakeEcrImage>> _byTag = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FakeEcrImage>> _byDigest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _listings = new(StringComparer.Ordinal);

    /// <summary>The first pushed image with <paramref name="tag"/>, else with <paramref name="digest"/>.</summary>
    public FakeEcrImage? Find(string? tag, string? digest) =>
        tag is not null ? First(_byTag, tag) : digest is not null ? First(_byDigest, digest) : null;

    /// <summary>The one image with the tag (else digest), or null; throws when two images hold it, as a single match would.</summary>
    public FakeEcrImage? FindSingle(string? tag, string? digest)
    {
        var holders = tag is not null ? _byTag.GetValueOrDefault(tag) : digest is not null ? _byDigest.GetValueOrDefault(digest) : null;
        if (holders is null)
        {
            return null;
        }

        return holders.Any(h => h != holders[0])
            ? throw new InvalidOperationException($"More than one image holds {tag ?? digest}: give each tag and digest to one image only.")
            : holders[0];
    }

    /// <summary>The images holding <paramref name="tag"/> now, each once.</summary>
    public IReadOnlyList<FakeEcrImage> WithTag(string tag) =>
        _byTag.TryGetValue(tag, out var holders) ? [.. holders.Distinct()] : [];

    /// <summary>Whether another image present lists <paramref name="image"/> in its manifest.</summary>
    public bool IsReferenced(FakeEcrImage image) =>
        _listings.GetValueOrDefault(image.Digest) - image.ChildDigests.Count(c => c == image.Digest) > 0;

    public void Added(FakeEcrImage image)
    {
        Hold(_byDigest, image.Digest, image);
        foreach (var tag in image.Tags)
        {
            Hold(_byTag, tag, image);
        }

        foreach (var child in image.ChildDigests)
        {
            _listings[child] = _listings.GetValueOrDefault(child) + 1;
        }
    }

    public void Removed(FakeEcrImage image)
    {
        Release(_byDigest, image.Digest, image);
        foreach (var tag in image.Tags)
        {
            Release(_byTag, tag, image);
        }

        foreach (var child in image.ChildDigests)
        {
            if (--_listings[child] == 0)
            {
                _listings.Remove(child);
            }
        }
    }

    public void TagAdded(FakeEcrImage image, string tag) => Hold(_byTag, tag, image);

    public void TagRemoved(FakeEcrImage image, string tag) => Release(_byTag, tag, image);

    private static FakeEcrImage? First(Dictionary<string, List<FakeEcrImage>> index, string key)
    {
        if (!index.TryGetValue(key, out var holders))
        {
            return null;
        }

        var first = holders[0];
        foreach (var holder in holders)
        {
            first = holder.Slot < first.Slot ? holder : first;
        }

        return first;
    }

    // One entry per occurrence, so that an image listing a tag twice keeps it until both are gone.
    private static void Hold(Dictionary<string, List<FakeEcrImage>> index, string key, FakeEcrImage image)
    {
        if (index.TryGetValue(key, out var holders))
        {
            holders.Add(image);
        }
        else
        {
            index[key] = new List<FakeEcrImage>(1) { image };
        }
    }

    private static void Release(Dictionary<string, List<FakeEcrImage>> index, string key, FakeEcrImage image)
    {
        if (index.TryGetValue(key, out var holders) && holders.Remove(image) && holders.Count == 0)
        {
            index.Remove(key);
        }
    }
}
