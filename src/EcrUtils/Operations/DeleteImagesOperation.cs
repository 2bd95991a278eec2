using EcrUtils.Ecr;
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
/// recorder is told so. The images that <paramref name="inUseFile"/> lists are kept the same way, with the check on or off.
/// </summary>
public sealed class DeleteImagesOperation(
    IEcrClient client, IDeletionRecorder recorder, IInUseCollector? inUseCollector = null, InUseFile? inUseFile = null, TimeProvider? timeProvider = null)
{
    /// <summary>
    /// Runs a deleting task with its planner (see <see cref="RepositoryPlanner.For"/>), the retention criteria measured
    /// from now (the time provider's).
    /// </summary>
    public Task RunAsync(EcrOptions options, EcrTask task, RunStop stop) =>
        RunAsync(options, RepositoryPlanner.For(task, options, (timeProvider ?? TimeProvider.System).GetUtcNow()), stop);

    /// <summary>
    /// Plans every repository of the scope with <paramref name="planner"/> and carries the plans out; with
    /// <see cref="EcrOptions.Preview"/> it plans and records but deletes nothing. What was planned and done is what the
    /// recorder was told, as it happened (the run's result).
    /// </summary>
    /// <remarks>
    /// When <see cref="RunStop.Stopping"/> is cancelled, nothing new is read or sent, no further repository starts, and
    /// the deletion batches in flight finish and are recorded before the operation ends in an
    /// <see cref="OperationCanceledException"/>. When <see cref="RunStop.Aborted"/> is, the batches in flight are given
    /// up and their ids recorded as unconfirmed.
    /// </remarks>
    public async Task RunAsync(EcrOptions options, RepositoryPlanner planner, RunStop stop)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(planner);
        var rules = options.CreateTagRules(options.Environment ?? throw new ArgumentException("The environment is required.", nameof(options)));
        // The in-use check runs while the repositories are listed and their images read (see RunningInUseCheck). When
        // the repository list fails as well, its failure is the one reported, as when it came first.
        var cancellationToken = stop.Stopping;
        await using var check = RunningInUseCheck.Start(inUseCollector, options, recorder, cancellationToken);
        var repositories = await RepositoryResolver.ResolveAsync(client, options, cancellationToken).ConfigureAwait(false);
        recorder.RepositoriesFound(repositories);
        await check.RepositoriesFoundAsync(inUseFile, repositories, recorder).ConfigureAwait(false);

        // Each repository gets the run's own stop, not the loop's token: one repository that ends by the stop must
        // not give up the deletions in flight in another.
        await Parallel.ForEachAsync(
            repositories,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallel, CancellationToken = cancellationToken },
            async (repository, _) => await new RepositoryRun(client, recorder, options, rules, repository)
                .RunAsync(planner, check, stop).ConfigureAwait(false))
            .ConfigureAwait(false);
        await check.EndAsync().ConfigureAwait(false);
    }
}
