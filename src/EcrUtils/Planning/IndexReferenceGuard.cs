using EcrUtils.Ecr;

namespace EcrUtils.Planning;

/// <summary>
/// Keeps the images that an index which stays still lists. Removing the last tag of such an image would delete a
/// manifest that the index needs (pulls of the index then fail with <c>manifest unknown</c>); ECR refuses it with
/// <c>ImageReferencedByManifestList</c>, other registries may not.
/// </summary>
public static class IndexReferenceGuard
{
    /// <summary>
    /// The plan with every image that would be deleted while an index that stays lists it turned into a kept one.
    /// Keeping an index makes its children stay too, so this repeats until nothing changes.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="images">Every image of the repository.</param>
    /// <param name="catalog">The children of the repository's indexes.</param>
    public static RepositoryPlan Apply(RepositoryPlan plan, IEnumerable<EcrImage> images, IndexCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(catalog);

        var indexes = images.Where(ManifestIndex.IsIndex).Select(i => i.Digest).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (indexes.Count == 0)
        {
            return plan;
        }

        var decisions = plan.Decisions.ToList();
        bool changed;
        do
        {
            changed = false;
            var gone = decisions.Where(d => d.DeletesImage).Select(d => d.Image.Digest).ToHashSet(StringComparer.Ordinal);
            var listedBy = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var index in indexes.Where(index => !gone.Contains(index)))
            {
                foreach (var child in catalog.ChildrenOf(index))
                {
                    listedBy.TryAdd(child, index);
                }
            }

            for (var i = 0; i < decisions.Count; i++)
            {
                if (decisions[i].DeletesImage && listedBy.TryGetValue(decisions[i].Image.Digest, out var index))
                {
                    decisions[i] = ImageDecision.Keep(decisions[i].Image, $"listed by index {index}, which stays");
                    changed = true;
                }
            }
        }
        while (changed);

        return new RepositoryPlan(decisions);
    }
}
