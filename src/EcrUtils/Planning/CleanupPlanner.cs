using EcrUtils.Ecr;
using EcrUtils.Images;

namespace EcrUtils.Planning;

/// <summary>
/// Finds what goes with the images that a plan deletes: the child manifests of deleted indexes and the companions
/// (signatures, attestations, SBOMs) of deleted digests, and what of them must stay.
/// </summary>
/// <remarks>
/// A child goes only when it is untagged (a tagged child is someone's image in its own right), active, and listed
/// by no index that stays: an index that is kept, untouched, of another environment, or whose manifest could not
/// be read. A companion goes (by tag) only when each of its tags is a companion tag of a digest that goes.
/// Anything else in the repository, e.g. an untagged image that belongs to nothing deleted, is not looked at.
/// What goes can make more go (a child index's children, a signature's signature): the search repeats until
/// nothing changes, and <see cref="RelatedImageDecision.Wave"/> orders the deletions so that nothing is deleted
/// while an index that lists it is still there.
/// </remarks>
public static class CleanupPlanner
{
    /// <summary>
    /// Plans ahead for a plan that has not run yet (a preview, or to see whether a cleanup is to be expected): the
    /// repository is taken to be <paramref name="images"/> after the plan removed its tags.
    /// </summary>
    public static CleanupPlan PlanAhead(IEnumerable<EcrImage> images, RepositoryPlan plan, IndexCatalog catalog, TagRules rules)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(plan);
        var deleted = plan.Decisions.Where(d => d.DeletesImage).Select(d => d.Image).ToList();
        if (NothingCanGoWith(images, deleted))
        {
            return CleanupPlan.Empty;
        }

        var gone = deleted.Select(i => i.Digest).ToHashSet(StringComparer.Ordinal);
        var removedTags = plan.Removals
            .GroupBy(d => d.Image.Digest, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(d => d.TagsToRemove).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var remaining = Merge(images).Values
            .Where(image => !gone.Contains(image.Digest))
            .Select(image => removedTags.TryGetValue(image.Digest, out var removed)
                ? image with { Tags = [.. image.Tags.Where(tag => !removed.Contains(tag))] }
                : image);
        return Search(remaining, deleted, catalog, rules);
    }

    /// <summary>Plans the cleanup after <paramref name="deleted"/> left the repository, which now holds <paramref name="remaining"/>.</summary>
    /// <param name="remaining">The repository's images now (or as they will be).</param>
    /// <param name="deleted">The images the plan deleted; their children and companions are the candidates.</param>
    /// <param name="catalog">The children of the repository's indexes, deleted ones included.</param>
    /// <param name="rules">The tag rules; a protected tag keeps a companion.</param>
    public static CleanupPlan Plan(IEnumerable<EcrImage> remaining, IEnumerable<EcrImage> deleted, IndexCatalog catalog, TagRules rules)
    {
        ArgumentNullException.ThrowIfNull(remaining);
        ArgumentNullException.ThrowIfNull(deleted);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(rules);
        return NothingCanGoWith(remaining, deleted) ? CleanupPlan.Empty : Search(remaining, deleted, catalog, rules);
    }

    private static CleanupPlan Search(IEnumerable<EcrImage> remaining, IEnumerable<EcrImage> deleted, IndexCatalog catalog, TagRules rules)
    {
        var search = new CleanupSearch(Merge(remaining), catalog, rules);
        foreach (var image in deleted)
        {
            search.Gone.TryAdd(image.Digest, new CleanupSearch.Departure(0, image.Digest));
        }

        return search.Run();
    }

    // Children come only from a deleted index, companions only with a companion tag: without either (most
    // repositories), the search over every image of the repository would find nothing.
    private static bool NothingCanGoWith(IEnumerable<EcrImage> images, IEnumerable<EcrImage> deleted) =>
        !deleted.Any(ManifestIndex.IsIndex)
        && !images.Any(image => image.Tags.Any(tag => CompanionTags.TryGetSubject(tag, out _)));

    private static SortedDictionary<string, EcrImage> Merge(IEnumerable<EcrImage> images)
    {
        // A listing can hold an image twice (pages that overlapped while tags changed): keep it once, with all tags.
        var byDigest = new SortedDictionary<string, EcrImage>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            byDigest[image.Digest] = byDigest.TryGetValue(image.Digest, out var seen)
                ? seen with { Tags = [.. seen.Tags.Union(image.Tags, StringComparer.Ordinal)] }
                : image;
        }

        return byDigest;
    }
}
