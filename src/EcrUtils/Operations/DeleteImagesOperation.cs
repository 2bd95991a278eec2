using EcrUtils.Ecr;
using EcrUtils.Images;
using EcrUtils.InUse;
using EcrUtils.Options;
using EcrUtils.Planning;

namespace EcrUtils.Operations;

/// <summary>
/// Plans and carries out DeleteOldestImages or DeleteAllImages over every repository of the scope.
/// An environment is removed from an image by deleting its environment tags by tag alone: ECR deletes the image
/// only when its last tag goes, so tags of other environments (and tags added while the run goes) survive.
/// Before any repository is planned, the in-use check reads what ECS and Lambda run (while the repositories are listed
/// and their images read); an image in use is kept whatever the plan says. Without <paramref name="inUseCollector"/> the check is off, and the
/// recorder is told so.
/// </summary>
public sealed class DeleteImagesOperation(IEcrClient client, IDeletionRecorder recorder, IInUseCollector? inUseCollector = null)
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
        // The in-use check starts at once and runs while the repositories are listed and their images read; no
        // repository is planned before it ends. A check that cannot run stops the run, in which nothing was then done
        // but reading. When the repository list fails as well, its failure is the one reported, as when it came first.
        using var stopCheck = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var check = InUseCheckStep.RunAsync(inUseCollector, options, recorder, stopCheck.Token);
        try
        {
            var repositories = await RepositoryResolver.ResolveAsync(client, options, cancellationToken).ConfigureAwait(false);
            recorder.RepositoriesFound(repositories);
            if (check.IsCompleted)
            {
                // A check that has already failed: nothing is read.
                await check.ConfigureAwait(false);
            }

            var results = new RepositoryDeletion[repositories.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, repositories.Count),
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallel, CancellationToken = cancellationToken },
                async (index, token) => results[index] = await RunRepositoryAsync(repositories[index], options, task, rules, check, token).ConfigureAwait(false))
                .ConfigureAwait(false);

            // Also with no repository: a check that cannot run fails the run.
            await check.ConfigureAwait(false);
            return results;
        }
        finally
        {
            if (!check.IsCompleted)
            {
                await stopCheck.CancelAsync().ConfigureAwait(false);
                await ((Task)check).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    // One repository: its images are read while the in-use check may still run, then it waits for the check (whose
    // failure stops every repository, not only this one), plans and deletes. Any other failure is this repository's.
    private async Task<RepositoryDeletion> RunRepositoryAsync(
        EcrRepository repository, EcrOptions options, EcrTask task, TagRules rules, Task<InUseImages?> check, CancellationToken token)
    {
        var work = new RepositoryWork(repository, new TagRemoval(client, options.RegistryId, repository, recorder));
        var related = new RelatedImageCleanup(client, options.RegistryId, repository, rules, recorder);
        var ranking = new ImageRanking(rules);
        IReadOnlyList<EcrImage>? images = null;
        await ForRepositoryAsync(
            work,
            async () => images = await ImageSnapshot.ReadAsync(client, options.RegistryId, repository.Name, ranking.Add, token).ConfigureAwait(false),
            token).ConfigureAwait(false);
        if (images is not null)
        {
            var inUse = await check.WaitAsync(token).ConfigureAwait(false);
            await ForRepositoryAsync(
                work,
                async () =>
                {
                    var plan = task == EcrTask.DeleteOldestImages
                        ? DeleteOldestPlanner.Plan(ranking, options.Keep)
                        : DeleteAllPlanner.Plan(ranking);
                    if (inUse is not null)
                    {
                        plan = await InUseProtection.ProtectAsync(client, options.RegistryId, repository, images, plan, inUse, token).ConfigureAwait(false);
                    }

                    work.Plan = await related.PrepareAsync(images, plan, token).ConfigureAwait(false);
                    recorder.Planned(repository, work.Plan);
                    if (options.Preview)
                    {
                        related.Preview(work.Plan);
                    }
                    else
                    {
                        await work.TagRemoval.RunAsync(work.Plan, options.MaxParallel, token).ConfigureAwait(false);
                        await related.RunAsync(work.Plan, options.MaxParallel, token).ConfigureAwait(false);
                    }

                    recorder.RepositoryCompleted(repository);
                },
                token).ConfigureAwait(false);
        }

        return work.ToResult(related);
    }

    // Runs a step of one repository's work; a failure (other than the run being cancelled) fails this repository only.
    private async Task ForRepositoryAsync(RepositoryWork work, Func<Task> step, CancellationToken token)
    {
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            work.Error = ex.Message;
            recorder.RepositoryFailed(work.Repository, ex.Message);
        }
    }

    private sealed class RepositoryWork(EcrRepository repository, TagRemoval tagRemoval)
    {
        public EcrRepository Repository { get; } = repository;

        public TagRemoval TagRemoval { get; } = tagRemoval;

        public RepositoryPlan? Plan { get; set; }

        public string? Error { get; set; }

        public RepositoryDeletion ToResult(RelatedImageCleanup related) =>
            new(Repository, Plan, TagRemoval.GoneTags, [.. TagRemoval.Problems, .. related.Problems], Error, related.Deleted);
    }
}
