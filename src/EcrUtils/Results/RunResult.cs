using EcrUtils.Ecr;
using EcrUtils.InUse;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Planning;

namespace EcrUtils.Results;

/// <summary>
/// The one result of a run. Each event of the operation (already classified where its answer arrived) is taken in
/// here once; the report, the journal, the progress, the console, the GitHub outputs and the job summary are all
/// projections of this model, and none of them decides an outcome or a count of its own.
/// </summary>
public sealed class RunResult : IDeletionRecorder
{
    private readonly Lock _lock = new();
    private readonly List<IRunObserver> _observers = [];
    private readonly List<RepositoryResult> _repositories = [];
    private readonly Dictionary<string, RepositoryResult> _byName = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private IReadOnlyList<LatestImageResult> _latestImages = [];
    private IReadOnlyList<RestoreResult> _restores = [];

    /// <summary>Starts the result of a run of <paramref name="task"/> with <paramref name="options"/>, now.</summary>
    public RunResult(EcrTask task, EcrOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        Task = task;
        Options = options;
        Environment = options.Environment ?? string.Empty;
        Preview = options.Preview && task != EcrTask.GetLatestImages;
        StartedAt = timeProvider.GetUtcNow();
    }

    /// <summary>The task that runs.</summary>
    public EcrTask Task { get; }

    /// <summary>The options it runs with.</summary>
    public EcrOptions Options { get; }

    /// <summary>The environment it works on.</summary>
    public string Environment { get; }

    /// <summary>Whether nothing is deleted.</summary>
    public bool Preview { get; }

    /// <summary>When the run started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>When the run ended; null while it runs.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Where the run stands, or how it ended.</summary>
    public RunStatus Status { get; private set; } = RunStatus.Running;

    /// <summary>Why the run stopped as a whole, if it did.</summary>
    public string? Error { get; private set; }

    /// <summary>How many repositories the run works on; null until they are known.</summary>
    public int? RepositoryCount { get; private set; }

    /// <summary>The registry the run worked on (its account id and region), as its repositories say; null until one is known.</summary>
    public EcrRepository? FirstRepository { get; private set; }

    /// <summary>The unfinished run before this one at the same report path, whose open tags this run accounts for.</summary>
    public EarlierRun? EarlierRun { get; private set; }

    /// <summary>How the in-use check went; null until it ran, and for GetLatestImages.</summary>
    public InUseCheckOutcome? InUseCheck { get; private set; }

    /// <summary>What the in-use file brought; null without one, and until the repositories are known.</summary>
    public InUseFileOutcome? InUseFile { get; private set; }

    /// <summary>The repositories of a deletion run that got as far as planning (or failing), by name.</summary>
    public IReadOnlyList<RepositoryResult> Repositories => _repositories;

    /// <summary>GetLatestImages: the latest image (or none) of each repository.</summary>
    public IReadOnlyList<LatestImageResult> LatestImages => _latestImages;

    /// <summary>RestoreImages: every image it looked at and where it stands; null for the other tasks.</summary>
    public IReadOnlyList<RestoreResult>? Restores => Task == EcrTask.RestoreImages ? _restores : null;

    /// <summary>Tags gone in every repository.</summary>
    public int TagsRemoved => _repositories.Sum(r => r.TagsRemoved);

    /// <summary>Tags of companions that went with the deleted images.</summary>
    public int CompanionTagsRemoved => _repositories.Sum(r => r.CompanionTagsRemoved);

    /// <summary>Images, children and companions that left (in a preview: would leave) the registry.</summary>
    public int ImagesDeleted => _repositories.Sum(r => r.ImagesDeleted);

    /// <summary>Images the environment is (in a preview: would be) removed from.</summary>
    public int ImagesToRemove => _repositories.Sum(r => r.ImagesToRemove);

    /// <summary>Tags the earlier, unfinished run left open that this run found gone: that run removed them.</summary>
    public int TagsRemovedByEarlierRun => _repositories.Sum(r => r.RemovedByEarlierRun.Count);

    /// <summary>Bytes freed (in a preview: that would be freed).</summary>
    public long BytesReclaimed => _repositories.Sum(r => r.BytesReclaimed);

    /// <summary>Images and children archived instead of deleted (in a preview: that would be); <c>--archive</c> only.</summary>
    public int ImagesArchived => _repositories.Sum(r => r.ImagesArchived);

    /// <summary>The size of what was (in a preview: would be) archived.</summary>
    public long BytesArchived => _repositories.Sum(r => r.BytesArchived);

    /// <summary>Repositories that finished, and of those, the ones that failed.</summary>
    public (int Finished, int Failed) Finished =>
        (_repositories.Count(r => r.IsFinished), _repositories.Count(r => r.IsFinished && r.Error is not null));

    /// <summary>Repositories in which anything failed.</summary>
    public int RepositoriesWithFailures => _repositories.Count(r => r.HasFailures);

    /// <summary>Adds an observer; it is told of every change from now on.</summary>
    public void Observe(IRunObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_lock)
        {
            _observers.Add(observer);
        }
    }

    /// <summary>
    /// Makes this run account for the tags that <paramref name="earlier"/> left open: each repository planned from now
    /// on compares them with its images. Call it before the run starts.
    /// </summary>
    public void FollowsUp(EarlierRun earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        Change(() =>
        {
            EarlierRun = earlier;
            return RunChange.OfRun;
        });
    }

    /// <inheritdoc />
    public void RepositoriesFound(IReadOnlyList<EcrRepository> repositories)
    {
        ArgumentNullException.ThrowIfNull(repositories);
        Change(() =>
        {
            RepositoryCount = repositories.Count;
            FirstRepository ??= repositories.Count > 0 ? repositories[0] : null;
            return RunChange.OfRun;
        });
    }

    /// <inheritdoc />
    public void InUseChecked(InUseCheckOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Change(() =>
        {
            InUseCheck = outcome;
            return RunChange.OfRun;
        });
    }

    /// <inheritdoc />
    public void InUseFileRead(InUseFileOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Change(() =>
        {
            InUseFile = outcome;
            return RunChange.OfRun;
        });
    }

    /// <inheritdoc />
    public void Planned(EcrRepository repository, RepositoryPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Change(repository, result => result.ApplyPlan(plan));
    }

    /// <inheritdoc />
    public void BatchCompleted(EcrRepository repository, BatchOutcome batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Change(repository, result => result.Apply(batch));
    }

    /// <inheritdoc />
    public void RelatedPlanned(EcrRepository repository, CleanupPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Change(repository, result => result.PlanRelated(plan));
    }

    /// <inheritdoc />
    public void RelatedCompleted(EcrRepository repository, IReadOnlyList<RelatedImageOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        Change(repository, result => result.Apply(outcomes));
    }

    /// <inheritdoc />
    public void Archived(EcrRepository repository, IReadOnlyList<ArchivalOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        Change(repository, result => result.Apply(outcomes));
    }

    /// <inheritdoc />
    public void Problem(EcrRepository repository, DeletionProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Change(repository, result =>
        {
            result.Add(problem);
            return [];
        });
    }

    /// <inheritdoc />
    public void RepositoryFailed(EcrRepository repository, string reason) => Change(repository, result =>
    {
        result.Fail(reason);
        return [];
    }, finishes: true);

    /// <inheritdoc />
    public void RepositoryCompleted(EcrRepository repository) => Change(repository, result =>
    {
        result.Complete();
        return [];
    }, finishes: true);

    /// <summary>ListEnvironments: what it found; null until it is done, and for the other tasks.</summary>
    public EnvironmentListing? Environments { get; private set; }

    /// <summary>Records what ListEnvironments found.</summary>
    public void EnvironmentsFound(EnvironmentListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        Change(() =>
        {
            Environments = listing;
            return RunChange.OfRun;
        });
    }

    /// <summary>Records where RestoreImages' images stand (a copy is kept: the caller goes on changing its own).</summary>
    public void RestoresChanged(IReadOnlyList<RestoreResult> restores)
    {
        ArgumentNullException.ThrowIfNull(restores);
        RestoreResult[] copy = [.. restores];
        Change(() =>
        {
            _restores = copy;
            FirstRepository ??= copy.Length > 0 ? copy[0].Repository : null;
            return RunChange.OfRun;
        });
    }

    /// <summary>Records GetLatestImages' results.</summary>
    public void LatestImagesFound(IReadOnlyList<LatestImageResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        Change(() =>
        {
            _latestImages = results;
            FirstRepository ??= results.Count > 0 ? results[0].Repository : null;
            return RunChange.OfRun;
        });
    }

    /// <summary>
    /// Ends the run with its status (and error, when it stopped as a whole). A cancelled run first ends each
    /// repository it was not done with as cancelled, with what was done in it so far.
    /// </summary>
    public void Complete(RunStatus status, string? error = null)
    {
        if (status == RunStatus.Cancelled)
        {
            List<RepositoryResult> open;
            lock (_lock)
            {
                open = [.. _repositories.Where(r => !r.IsFinished)];
            }

            foreach (var repository in open)
            {
                Change(repository.Repository, result =>
                {
                    result.Cancel();
                    return [];
                }, finishes: true);
            }
        }

        Change(() =>
        {
            Status = status;
            Error = error;
            FinishedAt = _timeProvider.GetUtcNow();
            return RunChange.OfRun;
        });
    }

    private void Change(EcrRepository repository, Func<RepositoryResult, IReadOnlyList<ImageResult>> change, bool finishes = false)
    {
        ArgumentNullException.ThrowIfNull(repository);
        Change(() =>
        {
            var result = Repository(repository);
            var images = change(result);
            return new RunChange(result, images, finishes && result.Finish());
        });
    }

    private void Change(Func<RunChange> change)
    {
        lock (_lock)
        {
            var applied = change();
            foreach (var observer in _observers)
            {
                observer.Changed(this, applied);
            }
        }
    }

    private RepositoryResult Repository(EcrRepository repository)
    {
        if (!_byName.TryGetValue(repository.Name, out var result))
        {
            result = new RepositoryResult(repository, Preview, EarlierRun?.OpenTags.GetValueOrDefault(repository.Uri), Options.Archive);
            _byName.Add(repository.Name, result);
            var position = _repositories.FindIndex(r => string.CompareOrdinal(r.Repository.Name, repository.Name) > 0);
            _repositories.Insert(position < 0 ? _repositories.Count : position, result);
        }

        return result;
    }
}
