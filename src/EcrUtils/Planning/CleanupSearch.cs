using EcrUtils.Ecr;
using EcrUtils.Images;

namespace EcrUtils.Planning;

/// <summary>The search of <see cref="CleanupPlanner"/>: repeats until no more children or companions can go.</summary>
internal sealed class CleanupSearch(SortedDictionary<string, EcrImage> present, IndexCatalog catalog, TagRules rules)
{
    public Dictionary<string, Departure> Gone { get; } = new(StringComparer.Ordinal);

    public CleanupPlan Run()
    {
        foreach (var digest in Gone.Keys)
        {
            present.Remove(digest);
        }

        var listedBy = ListedBy();
        var unreadable = present.Values.Where(i => ManifestIndex.IsIndex(i) && !catalog.Knows(i.Digest)).Select(i => i.Digest).ToList();
        // Only an image listed by an index or holding a companion tag can go; the rest is never looked at again.
        var candidates = present.Values
            .Where(image => listedBy.ContainsKey(image.Digest) || image.Tags.Any(tag => CompanionTags.TryGetSubject(tag, out _)))
            .ToList();
        var deletions = new List<RelatedImageDecision>();
        bool changed;
        do
        {
            changed = false;
            foreach (var image in candidates.Where(image => !Gone.ContainsKey(image.Digest)))
            {
                if (Decide(image, listedBy, unreadable) is { Deletes: true } decision)
                {
                    Gone[image.Digest] = new Departure(decision.Wave, decision.Root);
                    deletions.Add(decision);
                    changed = true;
                }
            }
        }
        while (changed);

        var kept = candidates
            .Where(image => !Gone.ContainsKey(image.Digest))
            .Select(image => Decide(image, listedBy, unreadable))
            .OfType<RelatedImageDecision>();
        return new CleanupPlan([.. deletions.OrderBy(d => d.Wave).ThenBy(d => d.Image.Digest, StringComparer.Ordinal), .. kept]);
    }

    // Child digest -> the indexes that list it, among the indexes that are still here or that went.
    private Dictionary<string, List<string>> ListedBy()
    {
        var listedBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var index in catalog.Indexes.Where(i => present.ContainsKey(i) || Gone.ContainsKey(i)).Order(StringComparer.Ordinal))
        {
            foreach (var child in catalog.ChildrenOf(index).Distinct(StringComparer.Ordinal))
            {
                if (!listedBy.TryGetValue(child, out var indexes))
                {
                    listedBy[child] = indexes = [];
                }

                indexes.Add(index);
            }
        }

        return listedBy;
    }

    private RelatedImageDecision? Decide(EcrImage image, Dictionary<string, List<string>> listedBy, List<string> unreadableIndexes)
    {
        var listing = listedBy.GetValueOrDefault(image.Digest) ?? [];
        var staying = listing.FirstOrDefault(index => !Gone.ContainsKey(index));
        var subjects = new List<string>();
        var companionTags = new List<string>();
        var otherTags = new List<string>();
        foreach (var tag in image.Tags)
        {
            if (CompanionTags.TryGetSubject(tag, out var subject) && Gone.ContainsKey(subject))
            {
                subjects.Add(subject);
                companionTags.Add(tag);
            }
            else
            {
                otherTags.Add(tag);
            }
        }

        if (subjects.Count > 0)
        {
            var keptBecause = otherTags.Count > 0 ? $"also holds tag {otherTags[0]}, which stays"
                : image.Tags.FirstOrDefault(rules.IsProtectedTag) is { } protectedTag ? $"holds protected tag {protectedTag}"
                : !image.IsActive ? "archived"
                : staying is not null ? $"listed by index {staying}, which stays"
                : null;
            return Decision(image, RelatedImageKind.Companion, [.. subjects.Distinct(StringComparer.Ordinal)], keptBecause, CompanionReason(companionTags[0]));
        }

        var parents = listing.Where(Gone.ContainsKey).ToList();
        if (parents.Count == 0)
        {
            return null;
        }

        var unreadable = unreadableIndexes.FirstOrDefault(index => !Gone.ContainsKey(index));
        var childKeptBecause = image.Tags.Count > 0 ? $"has its own tag {image.Tags[0]}"
            : !image.IsActive ? "archived"
            : staying is not null ? $"also listed by index {staying}, which stays"
            : unreadable is not null ? $"the manifest of index {unreadable} could not be read, and it may list this one"
            : null;
        return Decision(image, RelatedImageKind.Child, parents, childKeptBecause, "child of a deleted index, listed by no index that stays");
    }

    private RelatedImageDecision Decision(EcrImage image, RelatedImageKind kind, IReadOnlyList<string> dependsOn, string? keptBecause, string deletedBecause)
    {
        var first = dependsOn.OrderBy(digest => Gone[digest].Wave).ThenBy(digest => digest, StringComparer.Ordinal).First();
        var wave = 1 + dependsOn.Max(digest => Gone[digest].Wave);
        return keptBecause is null
            ? new RelatedImageDecision(image, kind, first, Gone[first].Root, Deletes: true, wave, dependsOn, deletedBecause)
            : new RelatedImageDecision(image, kind, first, Gone[first].Root, Deletes: false, Wave: 0, dependsOn, keptBecause);
    }

    private static string CompanionReason(string tag)
    {
        var what = tag.EndsWith(".sig", StringComparison.Ordinal) ? "signature"
            : tag.EndsWith(".att", StringComparison.Ordinal) ? "attestation"
            : "SBOM";
        return $"{what} of a deleted image";
    }

    /// <summary>When a digest goes (wave 0: with the plan) and the planned image it goes with.</summary>
    public sealed record Departure(int Wave, string Root);
}
