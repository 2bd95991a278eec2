using System.Runtime.InteropServices;
using EcrUtils;

namespace Build;

/// <summary>
/// Turns Ctrl+C and SIGTERM into the run's stop: the first one stops it gracefully (nothing new is sent, the deletions
/// in flight finish and are recorded, the report is written); the second aborts the deletions in flight (recorded as
/// unconfirmed) and still writes the report; a third ends the process at once.
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _aborted = new();
    private readonly PosixSignalRegistration _terminate;
    private readonly PosixSignalRegistration _interrupt;

    public ShutdownSignal()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled by the first signal: send nothing new.</summary>
    public CancellationToken Token => _stopping.Token;

    /// <summary>Both steps of the stop.</summary>
    public RunStop Stop => new(_stopping.Token, _aborted.Token);

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _stopping.Dispose();
        _aborted.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_aborted.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        var aborting = _stopping.IsCancellationRequested;
        Console.Error.WriteLine(aborting
            ? "Aborting: the deletions in flight are given up; what they were to remove is recorded as unconfirmed. Press Ctrl+C again to end at once."
            : "Stopping: nothing new is sent; the deletions in flight finish and are recorded. Press Ctrl+C again to give them up.");
        (aborting ? _aborted : _stopping).Cancel();
    }
}
