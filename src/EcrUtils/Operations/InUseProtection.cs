using EcrUtils.Ecr;
using EcrUtils.InUse;
using EcrUtils.Planning;

namespace EcrUtils.Operations;

/// <summary>
/// The step after planning that keeps every image in use, whatever the plan said, so that the planners stay unaware of
/// ECS and Lambda. Runs before any deletion of the repository.
/// </summary>
internal static class InUseProtection
{
    /// <summary>
    /// Matches the references in use against the repository's snapshot and returns the plan with every image in use
    /// (and what it needs) kept. Reads the manifests of the repository's indexes only when an image in use is an
    /// index or an untagged manifest, which may be a child.
    /// </summary>
    public static async Task<RepositoryPlan> ProtectAsync(
        IEcrClient client,
        string? registryId,
        EcrRepository repository,
        IReadOnlyList<EcrImage> images,
        RepositoryPlan plan,
        InUseImages inUse,
        CancellationToken cancellationToken)
    {
        var users = InUseMatcher.UsersByDigest(repository, images, inUse);
        if (users.Count == 0)
        {
            return plan;
        }

        var catalog = IndexCatalog.Empty;
        if (images.Any(image => users.ContainsKey(image.Digest) && (ManifestIndex.IsIndex(image) || image.Tags.Count == 0)))
        {
            catalog = await IndexManifestReader.ReadAsync(client, registryId, repository.Name, images, catalog, cancellationToken).ConfigureAwait(false);
        }

        return Apply(plan, InUseMarks.Create(users, catalog));
    }

    /// <summary>The plan with each marked image kept (with the mark's reason when the plan removed it) and its users recorded.</summary>
    public static RepositoryPlan Apply(RepositoryPlan plan, IReadOnlyDictionary<string, InUseMark> marks)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(marks);
        return plan with
        {
            Decisions = [.. plan.Decisions.Select(decision => marks.TryGetValue(decision.Image.Digest, out var mark)
                ? (decision.Action == ImageAction.Remove ? ImageDecision.Keep(decision.Image, mark.Reason) : decision) with { InUseBy = mark.UsedBy }
                : decision)],
        };
    }
}
