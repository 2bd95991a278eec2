using EcrUtils.Ecr;
using EcrUtils.Images;

namespace EcrUtils.Planning;

/// <summary>
/// An environment image with what its ranking and its decision need, worked out once: every tag is matched against the
/// tag rules here and nowhere else (regexes do not run inside a sort, nor again when the image is decided).
/// </summary>
/// <param name="Image">The image.</param>
/// <param name="EnvironmentTags">Its tags that belong to the environment; never empty.</param>
/// <param name="GreatestFixedTag">Its greatest non-floating environment tag in natural order, if any.</param>
/// <param name="FloatingTag">Its first tag (of any environment) that floats, if any.</param>
/// <param name="ProtectedTag">Its first tag that matches a protected tag pattern, if any.</param>
internal sealed record RankedImage(EcrImage Image, IReadOnlyList<string> EnvironmentTags, string? GreatestFixedTag, string? FloatingTag, string? ProtectedTag)
{
    /// <summary>
    /// The environment images among <paramref name="images"/>, in no particular order; an image listed twice is ranked
    /// once, with the tags of both listings (see <see cref="ImageRanking"/>).
    /// </summary>
    public static List<RankedImage> All(IEnumerable<EcrImage> images, TagRules rules) => ImageRanking.Of(images, rules).Unordered();

    /// <summary>The image ranked under <paramref name="rules"/>, or null when it holds no environment tag.</summary>
    internal static RankedImage? Rank(EcrImage image, TagRules rules)
    {
        List<string>? environmentTags = null;
        var others = 0;
        string? greatestFixedTag = null;
        string? floatingTag = null;
        string? protectedTag = null;
        foreach (var tag in image.Tags)
        {
            var floats = rules.IsFloatingTag(tag);
            floatingTag ??= floats ? tag : null;
            if (protectedTag is null && rules.IsProtectedTag(tag))
            {
                protectedTag = tag;
            }

            if (!rules.IsEnvironmentTag(tag))
            {
                others++;
                continue;
            }

            (environmentTags ??= new List<string>(image.Tags.Count)).Add(tag);
            if (!floats && (greatestFixedTag is null || NaturalStringComparer.Instance.Compare(tag, greatestFixedTag) > 0))
            {
                greatestFixedTag = tag;
            }
        }

        // An image whose tags all belong to the environment (most of them) shares its tag list rather than copy it.
        return environmentTags is null
            ? null
            : new RankedImage(image, others == 0 ? image.Tags : environmentTags, greatestFixedTag, floatingTag, protectedTag);
    }
}
