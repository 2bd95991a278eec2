using EcrUtils.Ecr;
using EcrUtils.InUse;
using EcrUtils.Options;

namespace EcrUtils.Operations;

/// <summary>
/// The in-use check of a run, started at once and running while the repositories are listed and their images read;
/// no repository is planned before it ends, and a check that cannot run fails the run (in which nothing was then done
/// but reading). The in-use file's images join what it found. Disposing it stops a check that is still running, when
/// the run ended another way.
/// </summary>
internal sealed class RunningInUseCheck : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task<InUseImages?> _check;
    private IReadOnlyList<ImageUse> _listed = [];

    private RunningInUseCheck(CancellationTokenSource stop, Task<InUseImages?> check)
    {
        _stop = stop;
        _check = check;
    }

    /// <summary>Starts the check (none without <paramref name="collector"/> or with the check off; the recorder is told).</summary>
    public static RunningInUseCheck Start(IInUseCollector? collector, EcrOptions options, IDeletionRecorder recorder, CancellationToken cancellationToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        return new RunningInUseCheck(stop, InUseCheckStep.RunAsync(collector, options, recorder, stop.Token));
    }

    /// <summary>
    /// The run's repositories are known: the in-use file is sorted for their registry, and a check that has already
    /// failed fails the run now, before any image is read.
    /// </summary>
    public async Task RepositoriesFoundAsync(InUseFile? file, IReadOnlyList<EcrRepository> repositories, IDeletionRecorder recorder)
    {
        _listed = InUseCheckStep.ReadFile(file, repositories, recorder);
        if (_check.IsCompleted)
        {
            await _check.ConfigureAwait(false);
        }
    }

    /// <summary>What a repository's plan must keep: the check's images (once it ended) and the in-use file's.</summary>
    public async Task<InUseImages?> ImagesInUseAsync(CancellationToken cancellationToken) =>
        InUseCheckStep.WithListed(await _check.WaitAsync(cancellationToken).ConfigureAwait(false), _listed);

    /// <summary>Waits for the check: also with no repository, a check that cannot run fails the run.</summary>
    public Task EndAsync() => _check;

    public async ValueTask DisposeAsync()
    {
        if (!_check.IsCompleted)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await ((Task)_check).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
    }
}
