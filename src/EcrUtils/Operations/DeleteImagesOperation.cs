using EcrUtils.Ecr;
using EcrUtils.Options;
using EcrUtils.Planning;

namespace EcrUtils.Operations;

/// <summary>
/// Plans and carries out DeleteOldestImages or DeleteAllImages over every repository of the scope.
/// An environment is removed from an image by deleting its environment tags by tag alone: ECR deletes the image
/// only when its last tag goes, so tags of other environments (and tags added while the run goes) survive.
/// </summary>
public sealed class DeleteImagesOperation(IEcrClient client, IDeletionRecorder recorder)
{
    /// <summary>Runs the task; with <see cref="EcrOptions.Preview"/> it plans and records but deletes nothing.</summary>
    public async Task<IReadOnlyList<RepositoryDeletion>> RunAsync(EcrOptions options, EcrTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (task is not (EcrTask.DeleteOldestImages or EcrTask.DeleteAllImages))
        {
            throw new ArgumentOutOfRangeException(nameof(task), task, "Only the deleting tasks can run here.");
        }

        var rules = options.CreateTagRules(options.Environment ?? throw new ArgumentException("The environment is required.", nameof(options)));
        var repositories = await RepositoryResolver.ResolveAsync(client, options, cancellationToken).ConfigureAwait(false);
        var results = new RepositoryDeletion[repositories.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, repositories.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallel, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var repository = repositories[index];
                var work = new RepositoryWork(repository);
                try
                {
                    var images = await ImageSnapshot.ReadAsync(client, options.RegistryId, repository.Name, token).ConfigureAwait(false);
                    work.Plan = task == EcrTask.DeleteOldestImages
                        ? DeleteOldestPlanner.Plan(images, rules, options.Keep)
                        : DeleteAllPlanner.Plan(images, rules);
                    recorder.Planned(repository, work.Plan);
                    if (!options.Preview)
                    {
                        await DeleteAsync(options.RegistryId, work, token).ConfigureAwait(false);
                    }

                    recorder.RepositoryCompleted(repository);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    work.Error = ex.Message;
                    recorder.RepositoryFailed(repository, ex.Message);
                }

                results[index] = work.ToResult();
            }).ConfigureAwait(false);

        return results;
    }

    private async Task DeleteAsync(string? registryId, RepositoryWork work, CancellationToken cancellationToken)
    {
        var plannedDigestByTag = work.Plan!.Removals
            .SelectMany(d => d.TagsToRemove.Select(tag => (tag, d.Image.Digest)))
            .ToDictionary(p => p.tag, p => p.Digest, StringComparer.Ordinal);
        if (plannedDigestByTag.Count == 0)
        {
            return;
        }

        var ids = plannedDigestByTag.Keys.Order(StringComparer.Ordinal).Select(ImageId.ForTag).ToList();
        await client.BatchDeleteImageAsync(
            registryId,
            work.Repository.Name,
            ids,
            (batch, _) =>
            {
                work.Record(batch, plannedDigestByTag);
                recorder.BatchCompleted(work.Repository, batch);
                foreach (var problem in work.TakeNewProblems())
                {
                    recorder.Problem(work.Repository, problem);
                }

                return ValueTask.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private sealed class RepositoryWork(EcrRepository repository)
    {
        private readonly HashSet<string> _removedTags = new(StringComparer.Ordinal);
        private readonly List<DeletionProblem> _problems = [];
        private int _reported;

        public EcrRepository Repository { get; } = repository;

        public RepositoryPlan? Plan { get; set; }

        public string? Error { get; set; }

        public void Record(BatchDeleteResult batch, Dictionary<string, string> plannedDigestByTag)
        {
            foreach (var deleted in batch.Deleted)
            {
                if (deleted.Tag is null)
                {
                    continue;
                }

                _removedTags.Add(deleted.Tag);
                if (deleted.Digest is not null
                    && plannedDigestByTag.TryGetValue(deleted.Tag, out var planned)
                    && !string.Equals(planned, deleted.Digest, StringComparison.Ordinal))
                {
                    _problems.Add(new DeletionProblem(
                        deleted.Tag,
                        deleted.Digest,
                        DeletionProblem.TagMoved,
                        $"Tag {deleted.Tag} had moved from {planned} to {deleted.Digest} between planning and deleting, and was removed from {deleted.Digest}. "
                        + $"If that image is still wanted, tag it again: it may have been deleted if that was its last tag."));
                }
            }

            foreach (var failure in batch.Failures)
            {
                if (failure.Code == ImageFailure.ImageNotFound && failure.ImageId.Tag is { } goneTag)
                {
                    // Already gone: a rerun after an interrupted run, or another cleanup got there first.
                    _removedTags.Add(goneTag);
                    continue;
                }

                _problems.Add(new DeletionProblem(failure.ImageId.Tag, failure.ImageId.Digest, failure.Code, failure.Reason));
            }
        }

        public List<DeletionProblem> TakeNewProblems()
        {
            var fresh = _problems.Skip(_reported).ToList();
            _reported = _problems.Count;
            return fresh;
        }

        public RepositoryDeletion ToResult() => new(Repository, Plan, _removedTags, _problems, Error);
    }
}
