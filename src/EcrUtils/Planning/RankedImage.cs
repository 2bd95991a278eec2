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
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(rules);

        var byDigest = new Dictionary<string, EcrImage>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            byDigest[image.Digest] = byDigest.TryGetValue(image.Digest, out var seen)
                ? seen with { Tags = [.. seen.Tags.Union(image.Tags, StringComparer.Ordinal)] }
                : image;
        }

        var ranked = byDigest.Values
            .Select(image => Rank(image, rules))
            .Where(r => r.EnvironmentTags.Count > 0)
            .ToList();
        ranked.Sort(NewestFirstComparer.Instance);
        return ranked;
    }

    private static RankedImage Rank(EcrImage image, TagRules rules)
    {
        IReadOnlyList<string> environmentTags = [.. image.Tags.Where(rules.IsEnvironmentTag)];
        var greatestFixedTag = environmentTags
            .Where(tag => !rules.IsFloatingTag(tag))
            .Max(NaturalStringComparer.Instance);
        return new RankedImage(image, environmentTags, greatestFixedTag);
    }
}
