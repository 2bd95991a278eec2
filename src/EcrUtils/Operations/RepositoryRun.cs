using EcrUtils.Ecr;
using EcrUtils.Images;
using EcrUtils.InUse;
using EcrUtils.Options;
using EcrUtils.Planning;

namespace EcrUtils.Operations;

/// <summary>
/// One repository of a deletion run: its images are read while the in-use check may still run, then it waits for the
/// check (whose failure stops every repository, not only this one), plans, and removes the environment's tags and
/// what goes with the images that leave. Any other failure is this repository's alone, and is recorded as such.
/// </summary>
internal sealed class RepositoryRun
{
    private readonly IEcrClient _client;
    private readonly IDeletionRecorder _recorder;
    private readonly EcrOptions _options;
    private readonly EcrRepository _repository;
    private readonly TagRemoval _tagRemoval;
    private readonly RelatedImageCleanup _related;
    private readonly ImageArchival _archival;
    private readonly ImageRanking _ranking;

    public RepositoryRun(IEcrClient client, IDeletionRecorder recorder, EcrOptions options, TagRules rules, EcrRepository repository)
    {
        _client = client;
        _recorder = recorder;
        _options = options;
        _repository = repository;
        _tagRemoval = new TagRemoval(client, options.RegistryId, repository, recorder);
        _related = new RelatedImageCleanup(client, options.RegistryId, repository, rules, recorder);
        _archival = new ImageArchival(client, options.RegistryId, repository, recorder);
        _ranking = new ImageRanking(rules);
    }

    /// <summary>
    /// Reads, plans and deletes, keeping what the check found in use and what the in-use file lists; reads end at once
    /// when the run stops, deletions in flight only when it aborts.
    /// </summary>
    public async Task RunAsync(RepositoryPlanner planner, RunningInUseCheck check, RunStop stop)
    {
        var token = stop.Stopping;
        IReadOnlyList<EcrImage>? images = null;
        await StepAsync(
            async () => images = await ImageSnapshot.ReadAsync(_client, _options.RegistryId, _repository.Name, _ranking.Add, token).ConfigureAwait(false),
            stop).ConfigureAwait(false);
        if (images is not null)
        {
            var inUse = await check.ImagesInUseAsync(token).ConfigureAwait(false);
            await StepAsync(() => PlanAndDeleteAsync(planner, images, inUse, stop), stop).ConfigureAwait(false);
        }
    }

    private async Task PlanAndDeleteAsync(RepositoryPlanner planner, IReadOnlyList<EcrImage> images, InUseImages? inUse, RunStop stop)
    {
        var plan = await FinishPlanAsync(_client, _options.RegistryId, _repository, images, planner.Plan(_ranking), inUse, _related, stop.Stopping).ConfigureAwait(false);
        if (_options.Archive)
        {
            await ArchiveAsync(plan, stop).ConfigureAwait(false);
        }
        else
        {
            _recorder.Planned(_repository, plan);
            if (_options.Preview)
            {
                _related.Preview(plan);
            }
            else
            {
                await _tagRemoval.RunAsync(plan, _options.MaxParallel, stop).ConfigureAwait(false);
                await _related.RunAsync(plan, _options.MaxParallel, stop).ConfigureAwait(false);
            }
        }

        _recorder.RepositoryCompleted(_repository);
    }

    /// <summary>
    /// What every plan goes through after its task's rule, in a run as in ListEnvironments' account of a teardown:
    /// images in use are kept, and so is what an index that stays lists (read through <paramref name="related"/>).
    /// </summary>
    internal static async Task<RepositoryPlan> FinishPlanAsync(
        IEcrClient client, string? registryId, EcrRepository repository, IReadOnlyList<EcrImage> images, RepositoryPlan plan, InUseImages? inUse, RelatedImageCleanup related, CancellationToken cancellationToken)
    {
        if (inUse is not null)
        {
            plan = await InUseProtection.ProtectAsync(client, registryId, repository, images, plan, inUse, cancellationToken).ConfigureAwait(false);
        }

        return await related.PrepareAsync(images, plan, cancellationToken).ConfigureAwait(false);
    }

    // --archive: what would be deleted is archived instead (indexes before their children); tags that only leave an
    // image another tag keeps are removed as without it. Nothing is deleted, so nothing goes with it.
    private async Task ArchiveAsync(RepositoryPlan plan, RunStop stop)
    {
        var children = _related.ChildrenToArchive(plan);
        plan = ArchivePlan.Apply(plan);
        _recorder.Planned(_repository, plan);
        if (children.Decisions.Count > 0)
        {
            _recorder.RelatedPlanned(_repository, children);
        }

        if (!_options.Preview)
        {
            await _tagRemoval.RunAsync(plan, _options.MaxParallel, stop).ConfigureAwait(false);
            await _archival.RunAsync([.. plan.Archivals.Select(d => d.Image.Digest)], _options.MaxParallel, stop).ConfigureAwait(false);
            await _archival.RunAsync([.. children.Decisions.Select(d => d.Image.Digest)], _options.MaxParallel, stop).ConfigureAwait(false);
        }
    }

    // Runs a step; a failure (other than the run being stopped) fails this repository only.
    private async Task StepAsync(Func<Task> step, RunStop stop)
    {
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsRequested)
        {
            _recorder.RepositoryFailed(_repository, ex.Message);
        }
    }
}
