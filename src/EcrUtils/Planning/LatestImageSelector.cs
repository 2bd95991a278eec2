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
    public static LatestImage? Select(IEnumerable<EcrImage> images, TagRules rules) => SelectBoth(images, rules).Active;

    /// <summary>
    /// The newest image so far when a listing arrives page by page: <paramref name="newestSoFar"/> (the result for the
    /// pages before, or <see langword="null"/>) against <paramref name="page"/>. Only the newest image is kept between
    /// pages, so a repository of 100,000 images costs one page of memory; an image listed again (tags changed while
    /// the listing ran) is taken with the tags of both listings, as <see cref="Select(IEnumerable{EcrImage}, TagRules)"/>
    /// takes them.
    /// </summary>
    /// <param name="newestSoFar">The newest image of the pages before this one.</param>
    /// <param name="page">The next page of the repository's images.</param>
    /// <param name="rules">The environment's tag rules.</param>
    public static LatestImage? Select(LatestImage? newestSoFar, IReadOnlyCollection<EcrImage> page, TagRules rules)
    {
        ArgumentNullException.ThrowIfNull(page);
        return newestSoFar is null ? Select(page, rules) : Select([newestSoFar.Image, .. page], rules);
    }

    /// <summary>
    /// Like <see cref="Select(LatestImage?, IReadOnlyCollection{EcrImage}, TagRules)"/>, and in the same pass the newest
    /// image that cannot be pulled (archived, or being restored): where the newest image of an environment is archived,
    /// GetLatestImages says so and names RestoreImages as the way back.
    /// </summary>
    public static (LatestImage? Active, LatestImage? Archived) SelectWithArchived(
        (LatestImage? Active, LatestImage? Archived) newestSoFar, IReadOnlyCollection<EcrImage> page, TagRules rules)
    {
        ArgumentNullException.ThrowIfNull(page);
        IEnumerable<EcrImage> images = newestSoFar switch
        {
            (null, null) => page,
            ({ } active, null) => [active.Image, .. page],
            (null, { } archived) => [archived.Image, .. page],
            ({ } active, { } archived) => [active.Image, archived.Image, .. page],
        };
        return SelectBoth(images, rules);
    }

    // The first in newest-first order of each kind, found in one pass rather than by sorting the whole repository.
    private static (LatestImage? Active, LatestImage? Archived) SelectBoth(IEnumerable<EcrImage> images, TagRules rules)
    {
        RankedImage? newest = null;
        RankedImage? newestArchived = null;
        foreach (var ranked in RankedImage.All(images, rules))
        {
            if (ranked.GreatestFixedTag is null)
            {
                continue;
            }

            if (ranked.Image.IsActive)
            {
                newest = Newer(newest, ranked);
            }
            else
            {
                newestArchived = Newer(newestArchived, ranked);
            }
        }

        return (Latest(newest), Latest(newestArchived));
    }

    private static RankedImage Newer(RankedImage? newest, RankedImage ranked) =>
        newest is null || NewestFirstComparer.Instance.Compare(ranked, newest) < 0 ? ranked : newest;

    private static LatestImage? Latest(RankedImage? ranked) => ranked is null ? null : new LatestImage(ranked.Image, ranked.GreatestFixedTag!);
}
