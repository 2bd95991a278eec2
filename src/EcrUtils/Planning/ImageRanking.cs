using EcrUtils.Ecr;
using EcrUtils.Images;

namespace EcrUtils.Planning;

/// <summary>
/// Ranks a repository's environment images as its listing arrives, page by page, so that the work per image is done
/// while the next page is on its way rather than after the last one. Plain loops: this runs for every image of
/// repositories of 100,000.
/// </summary>
/// <remarks>
/// An image listed twice (pages that overlapped while tags changed) is ranked once, with the tags of both listings, so
/// that it cannot take two of the places that keep images.
/// </remarks>
internal sealed class ImageRanking(TagRules rules)
{
    private readonly Dictionary<string, EcrImage> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RankedImage> _ranked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _digestByTag = new(StringComparer.Ordinal);
    private readonly HashSet<string> _movedTags = new(StringComparer.Ordinal);

    /// <summary>
    /// Tags listed on more than one image: a tag is on one image at a time, so each of these moved while the listing
    /// ran, and which image holds it now is not known (see <see cref="MovedTagGuard"/>).
    /// </summary>
    public IReadOnlySet<string> MovedTags => _movedTags;

    /// <summary>A ranking of a whole listing at once.</summary>
    public static ImageRanking Of(IEnumerable<EcrImage> images, TagRules rules)
    {
        var ranking = new ImageRanking(rules);
        ranking.Add(images);
        return ranking;
    }

    /// <summary>Ranks the images of one page (or of a whole listing).</summary>
    public void Add(IEnumerable<EcrImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        foreach (var listed in images)
        {
            foreach (var tag in listed.Tags)
            {
                if (!_digestByTag.TryAdd(tag, listed.Digest) && !string.Equals(_digestByTag[tag], listed.Digest, StringComparison.Ordinal))
                {
                    _movedTags.Add(tag);
                }
            }

            var image = listed;
            if (_images.TryGetValue(image.Digest, out var seen))
            {
                image = seen with { Tags = [.. seen.Tags.Union(image.Tags, StringComparer.Ordinal)] };
            }

            _images[image.Digest] = image;
            if (RankedImage.Rank(image, rules) is { } ranked)
            {
                _ranked[image.Digest] = ranked;
            }
        }
    }

    /// <summary>The environment images ranked so far, in no particular order.</summary>
    public List<RankedImage> Unordered() => [.. _ranked.Values];

    /// <summary>The environment images ranked so far, newest first (see <see cref="NewestFirstComparer"/>).</summary>
    public List<RankedImage> NewestFirst()
    {
        var ranked = Unordered();
        ranked.Sort(NewestFirstComparer.Instance);
        return ranked;
    }
}
