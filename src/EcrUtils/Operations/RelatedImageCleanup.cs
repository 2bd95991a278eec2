using EcrUtils.Ecr;
using EcrUtils.Images;
using EcrUtils.Planning;

namespace EcrUtils.Operations;

/// <summary>
/// The multi-arch and companion side of a deletion in one repository: before the tags go, reads the indexes'
/// manifests and keeps what an index that stays lists; after the tags went, deletes the children of the indexes
/// that left and the companions of the digests that left, index before child, one wave after the other.
/// </summary>
internal sealed class RelatedImageCleanup(
    IEcrClient client, string? registryId, EcrRepository repository, TagRules rules, IDeletionRecorder recorder, IndexCatalog? catalog = null)
{
    private IReadOnlyList<EcrImage> _images = [];
    private IndexCatalog _catalog = catalog ?? IndexCatalog.Empty;

    /// <summary>The index manifests read so far (another environment's planning of the same listing starts from them).</summary>
    public IndexCatalog Catalog => _catalog;

    /// <summary>
    /// Reads the manifests of the repository's indexes when the plan deletes anything and there are indexes (no call
    /// otherwise), and returns the plan with every image that an index which stays lists kept.
    /// </summary>
    public async Task<RepositoryPlan> PrepareAsync(IReadOnlyList<EcrImage> images, RepositoryPlan plan, CancellationToken cancellationToken)
    {
        _images = images;
        if (plan.ImagesDeleted == 0 || !images.Any(ManifestIndex.IsIndex))
        {
            return plan;
        }

        _catalog = await IndexManifestReader.ReadAsync(client, registryId, repository.Name, images, _catalog, cancellationToken).ConfigureAwait(false);
        return IndexReferenceGuard.Apply(plan, images, _catalog);
    }

    /// <summary>
    /// <c>--archive</c>: the children that would have been deleted with the indexes <paramref name="plan"/> deletes (the
    /// plan before <see cref="ArchivePlan.Apply"/>), to be archived with them.
    /// </summary>
    public CleanupPlan ChildrenToArchive(RepositoryPlan plan) => ArchivePlan.ChildrenOf(CleanupPlanner.PlanAhead(_images, plan, _catalog, rules));

    /// <summary>Records what would go with the plan's deletions, deleting nothing.</summary>
    public void Preview(RepositoryPlan plan) => Record(PlanAhead(plan));

    /// <summary>What would go with the plan's deletions: the children and companions, as a deletion would plan them.</summary>
    public CleanupPlan PlanAhead(RepositoryPlan plan) => CleanupPlanner.PlanAhead(_images, plan, _catalog, rules);

    /// <summary>
    /// Deletes the children and companions of what the plan deleted; call it after the plan's tag removals. A wave's
    /// batches go up to <paramref name="maxParallel"/> at a time, like the tag removals (the next wave waits for it).
    /// </summary>
    public async Task RunAsync(RepositoryPlan plan, int maxParallel, RunStop stop)
    {
        var cancellationToken = stop.Stopping;
        var expected = CleanupPlanner.PlanAhead(_images, plan, _catalog, rules);
        if (expected.Deletions.Count == 0)
        {
            // Nothing can go, so the repository is not read again.
            Record(expected);
            return;
        }

        // Plan from the repository as it is now rather than as the plan expected it: an image that did not go (a failed
        // removal, a tag that moved) takes nothing with it, and a tag or an index pushed in the meantime is seen. Between
        // this read and the deletions a child could still be tagged; ECR offers no conditional delete to close that gap.
        var now = await ImageSnapshot.ReadAsync(client, registryId, repository.Name, cancellationToken).ConfigureAwait(false);
        var present = now.Select(image => image.Digest).ToHashSet(StringComparer.Ordinal);
        var deleted = plan.Decisions.Where(d => d.DeletesImage && !present.Contains(d.Image.Digest)).Select(d => d.Image).ToList();
        _catalog = await IndexManifestReader.ReadAsync(client, registryId, repository.Name, now, _catalog, cancellationToken).ConfigureAwait(false);
        var cleanup = CleanupPlanner.Plan(now, deleted, _catalog, rules);
        Record(cleanup);

        var gone = deleted.Select(image => image.Digest).ToHashSet(StringComparer.Ordinal);
        foreach (var wave in cleanup.Waves)
        {
            var blocked = wave.Where(d => !d.DependsOn.All(gone.Contains)).ToList();
            if (blocked.Count > 0)
            {
                recorder.RelatedCompleted(repository, [.. blocked.Select(d => new RelatedImageOutcome(d.Image.Digest, RelatedImageStatus.Kept, "what it goes with is still there"))]);
            }

            var tracker = new RelatedDeletionTracker([.. wave.Except(blocked)]);
            await ConcurrentBatches.DeleteAsync(
                client,
                registryId,
                repository.Name,
                tracker.ImageIds,
                maxParallel,
                (sent, batch) =>
                {
                    var outcomes = tracker.Record(sent, batch);
                    foreach (var problem in tracker.TakeProblems())
                    {
                        recorder.Problem(repository, problem);
                    }

                    if (outcomes.Count > 0)
                    {
                        recorder.RelatedCompleted(repository, outcomes);
                    }
                },
                stop).ConfigureAwait(false);

            foreach (var decision in tracker.Deleted)
            {
                gone.Add(decision.Image.Digest);
            }
        }
    }

    private void Record(CleanupPlan cleanup)
    {
        if (cleanup.Decisions.Count > 0)
        {
            recorder.RelatedPlanned(repository, cleanup);
        }
    }
}
