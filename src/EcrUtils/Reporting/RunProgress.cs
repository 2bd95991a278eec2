using EcrUtils.Results;

namespace EcrUtils.Reporting;

/// <summary>
/// Follows a deletion run for a progress display: the run's counts after each change that moves them, and a line's
/// worth for each repository once it is finished. Every figure is read from the run's result, so the progress says
/// what the report and the closing line say. The callbacks run one at a time, in order.
/// </summary>
public sealed class RunProgress : IRunObserver
{
    private readonly Action<DeletionProgress> _changed;
    private readonly Action<RepositoryProgress> _repositoryFinished;
    private DeletionProgress _current = new(null, 0, 0, 0);

    /// <summary>Follows a run with two callbacks.</summary>
    /// <param name="changed">Called with the run's progress whenever it moves.</param>
    /// <param name="repositoryFinished">Called once per repository, when it is done or failed.</param>
    public RunProgress(Action<DeletionProgress> changed, Action<RepositoryProgress> repositoryFinished)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(repositoryFinished);
        _changed = changed;
        _repositoryFinished = repositoryFinished;
    }

    /// <summary>The run's progress so far.</summary>
    public DeletionProgress Current => Volatile.Read(ref _current);

    /// <inheritdoc />
    public void Changed(RunResult run, RunChange change)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(change);
        var (finished, failed) = run.Finished;
        var current = new DeletionProgress(run.RepositoryCount, finished, failed, run.TagsRemoved);
        if (change is { RepositoryFinished: true, Repository: { } repository })
        {
            _repositoryFinished(new RepositoryProgress(
                repository.Repository.Name,
                finished,
                run.RepositoryCount,
                repository.ImagesToRemove,
                repository.TagsRemoved,
                repository.Error,
                repository.Status == RepositoryStatus.Cancelled,
                repository.RemovedByEarlierRun.Count));
        }

        if (current != _current)
        {
            Volatile.Write(ref _current, current);
            _changed(current);
        }
    }
}
