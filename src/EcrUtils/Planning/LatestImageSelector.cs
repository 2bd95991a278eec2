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
        // The first in newest-first order, found in one pass rather than by sorting the whole repository.
        RankedImage? newest = null;
        foreach (var ranked in RankedImage.All(images, rules))
        {
            if (ranked.Image.IsActive && ranked.GreatestFixedTag is not null
                && (newest is null || NewestFirstComparer.Instance.Compare(ranked, newest) < 0))
            {
                newest = ranked;
            }
        }

        return newest is null ? null : new LatestImage(newest.Image, newest.GreatestFixedTag!);
    }
}
