using EcrUtils.Ecr;
using EcrUtils.Images;

namespace EcrUtils.Planning;

/// <summary>An environment image with what its ranking needs, worked out once (regexes do not run inside a sort).</summary>
/// <param name="Image">The image.</param>
/// <param name="EnvironmentTags">Its tags that belong to the environment; never empty.</param>
/// <param name="GreatestFixedTag">Its greatest non-floating environment tag in natural order, if any.</param>
internal sealed record RankedImage(EcrImage Image, IReadOnlyList<string> EnvironmentTags, string? GreatestFixedTag)
{
    /// <summary>
    /// The environment images among <paramref name="images"/>, newest first. An image listed twice (pages that
    /// overlapped while tags changed) is ranked once, with the tags of both listings, so that it cannot take two
    /// of the places that keep images.
    /// </summary>
    public static IReadOnlyList<RankedImage> NewestFirst(IEnumerable<EcrImage> images, TagRules rules)
    {
        var ranked = All(images, rules);
        ranked.Sort(NewestFirstComparer.Instance);
        return ranked;
    }

    /// <summary>
    /// The environment images among <paramref name="images"/>, in no particular order; an image listed twice is ranked
    /// once (see <see cref="NewestFirst"/>). Plain loops: this runs for every image of repositories of 100,000.
    /// </summary>
    public static List<RankedImage> All(IEnumerable<EcrImage> images, TagRules rules)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(rules);

        var byDigest = new Dictionary<string, EcrImage>(images is IReadOnlyCollection<EcrImage> known ? known.Count : 0, StringComparer.Ordinal);
        foreach (var image in images)
        {
            byDigest[image.Digest] = byDigest.TryGetValue(image.Digest, out var seen)
                ? seen with { Tags = [.. seen.Tags.Union(image.Tags, StringComparer.Ordinal)] }
                : image;
        }

        var ranked = new List<RankedImage>(byDigest.Count);
        foreach (var image in byDigest.Values)
        {
            if (Rank(image, rules) is { } rankedImage)
            {
                ranked.Add(rankedImage);
            }
        }

        return ranked;
    }

    private static RankedImage? Rank(EcrImage image, TagRules rules)
    {
        List<string>? environmentTags = null;
        var others = 0;
        string? greatestFixedTag = null;
        foreach (var tag in image.Tags)
        {
            if (!rules.IsEnvironmentTag(tag))
            {
                others++;
                continue;
            }

            (environmentTags ??= new List<string>(image.Tags.Count)).Add(tag);
            if (!rules.IsFloatingTag(tag) && (greatestFixedTag is null || NaturalStringComparer.Instance.Compare(tag, greatestFixedTag) > 0))
            {
                greatestFixedTag = tag;
            }
        }

        // An image whose tags all belong to the environment (most of them) shares its tag list rather than copy it.
        return environmentTags is null ? null : new RankedImage(image, others == 0 ? image.Tags : environmentTags, greatestFixedTag);
    }
}
