using EcrUtils.Ecr;
using EcrUtils.InUse;
using EcrUtils.Operations;
using EcrUtils.Planning;

namespace EcrUtils.Reporting;

/// <summary>
/// Passes every event of a deletion run on to another recorder (the report), then counts it, so that a console can
/// show progress without reading the report while it changes. The callbacks run one at a time, in event order.
/// </summary>
public sealed class ProgressRecorder : IDeletionRecorder
{
    private readonly IDeletionRecorder _inner;
    private readonly Action<DeletionProgress> _changed;
    private readonly Action<RepositoryProgress> _repositoryFinished;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (int ImagesToRemove, int TagsRemoved)> _counts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private DeletionProgress _current = new(null, 0, 0, 0);

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The recorder that gets every event first, unchanged.</param>
    /// <param name="changed">Called after each event with the run's progress.</param>
    /// <param name="repositoryFinished">Called once per repository, when it is done or failed.</param>
    public ProgressRecorder(IDeletionRecorder inner, Action<DeletionProgress> changed, Action<RepositoryProgress> repositoryFinished)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(repositoryFinished);
        _inner = inner;
        _changed = changed;
        _repositoryFinished = repositoryFinished;
    }

    /// <summary>The run's progress so far.</summary>
    public DeletionProgress Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <inheritdoc />
    public void RepositoriesFound(IReadOnlyList<EcrRepository> repositories)
    {
        ArgumentNullException.ThrowIfNull(repositories);
        _inner.RepositoriesFound(repositories);
        Count(() => _current = _current with { Repositories = repositories.Count });
    }

    /// <inheritdoc />
    public void InUseChecked(InUseCheckOutcome outcome) => _inner.InUseChecked(outcome);

    /// <inheritdoc />
    public void Planned(EcrRepository repository, RepositoryPlan plan)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(plan);
        _inner.Planned(repository, plan);
        Count(() => _counts[repository.Name] = (plan.Removals.Count, TagsRemoved(repository)));
    }

    /// <inheritdoc />
    public void BatchCompleted(EcrRepository repository, BatchDeleteResult batch)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(batch);
        _inner.BatchCompleted(repository, batch);
        var removed = batch.Deleted.Count(d => d.Tag is not null);
        Count(() =>
        {
            _counts[repository.Name] = (ImagesToRemove(repository), TagsRemoved(repository) + removed);
            _current = _current with { TagsRemoved = _current.TagsRemoved + removed };
        });
    }

    /// <inheritdoc />
    public void RelatedPlanned(EcrRepository repository, CleanupPlan plan) => _inner.RelatedPlanned(repository, plan);

    /// <inheritdoc />
    public void RelatedCompleted(EcrRepository repository, IReadOnlyList<RelatedImageOutcome> outcomes) =>
        _inner.RelatedCompleted(repository, outcomes);

    /// <inheritdoc />
    public void Problem(EcrRepository repository, DeletionProblem problem) => _inner.Problem(repository, problem);

    /// <inheritdoc />
    public void RepositoryFailed(EcrRepository repository, string reason)
    {
        ArgumentNullException.ThrowIfNull(repository);
        _inner.RepositoryFailed(repository, reason);
        Finish(repository, reason);
    }

    /// <inheritdoc />
    public void RepositoryCompleted(EcrRepository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        _inner.RepositoryCompleted(repository);
        Finish(repository, error: null);
    }

    private void Finish(EcrRepository repository, string? error)
    {
        lock (_lock)
        {
            // A repository is counted once, even if it is reported failed after it completed.
            if (!_finished.Add(repository.Name))
            {
                return;
            }

            _current = _current with { Finished = _current.Finished + 1, Failed = _current.Failed + (error is null ? 0 : 1) };
            _repositoryFinished(new RepositoryProgress(
                repository.Name, _current.Finished, _current.Repositories, ImagesToRemove(repository), TagsRemoved(repository), error));
            _changed(_current);
        }
    }

    private void Count(Action update)
    {
        lock (_lock)
        {
            update();
            _changed(_current);
        }
    }

    private int ImagesToRemove(EcrRepository repository) =>
        _counts.TryGetValue(repository.Name, out var counts) ? counts.ImagesToRemove : 0;

    private int TagsRemoved(EcrRepository repository) =>
        _counts.TryGetValue(repository.Name, out var counts) ? counts.TagsRemoved : 0;
}
