using EcrUtils.Ecr;
using EcrUtils.Images;

namespace EcrUtils.Planning;

/// <summary>Finds the newest image of an environment (GetLatestImages).</summary>
public static class LatestImageSelector
{
    /// <summary>
    /// The newest active image that holds a non-floating environment tag, with its greatest such tag in natural
    /// order; floating tags are never reported because they move.
    /// </summary>
    /// <param name="images">Every image of the repository.</param>
    /// <param name="rules">The environment's tag rules.</param>
    /// <returns>The newest image, or <see langword="null"/> when the environment has none here.</returns>
    public static LatestImage? Select(IEnumerable<EcrImage> images, TagRules rules)
    {
        return RankedImage.NewestFirst(images, rules)
            .Where(ranked => ranked.Image.IsActive)
            .Select(ranked => ranked.GreatestFixedTag is { } tag ? new LatestImage(ranked.Image, tag) : null)
            .FirstOrDefault(latest => latest is not null);
    }
}
