using System.Diagnostics;

namespace EcrUtils.Benchmarks;

/// <summary>
/// Completes tasks at given <see cref="Stopwatch"/> timestamps, on a thread of its own: the simulated ECR's latency.
/// <c>Task.Delay</c> fired 1-2 ms late at the median on this benchmark's busy cores (its timer queue wakes on a coarse
/// tick, and its continuation then waits for a thread-pool thread), which made a "30 ms" ECR a 31.5 ms one. This
/// thread sleeps to within a millisecond of the earliest deadline, yields until it is reached, and runs the waiting
/// answer's continuation itself.
/// </summary>
internal sealed class Deadlines : IDisposable
{
    private readonly PriorityQueue<TaskCompletionSource, long> _pending = new();
    private readonly Lock _gate = new();
    private readonly AutoResetEvent _changed = new(initialState: false);
    private readonly Thread _thread;
    private bool _stopped;

    public Deadlines()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "Simulated latency" };
        _thread.Start();
    }

    /// <summary>A task that completes at <paramref name="timestamp"/> (a <see cref="Stopwatch.GetTimestamp"/> value).</summary>
    public Task At(long timestamp)
    {
        if (timestamp <= Stopwatch.GetTimestamp())
        {
            return Task.CompletedTask;
        }

        var done = new TaskCompletionSource();
        lock (_gate)
        {
            _pending.Enqueue(done, timestamp);
        }

        _changed.Set();
        return done.Task;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
        }

        _changed.Set();
        _thread.Join();
        _changed.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            TaskCompletionSource? due = null;
            var remaining = long.MaxValue;
            lock (_gate)
            {
                if (_stopped)
                {
                    return;
                }

                if (_pending.TryPeek(out _, out var deadline))
                {
                    remaining = deadline - Stopwatch.GetTimestamp();
                    if (remaining <= 0)
                    {
                        due = _pending.Dequeue();
                    }
                }
            }

            if (due is not null)
            {
                due.SetResult();
            }
            else if (remaining == long.MaxValue)
            {
                _changed.WaitOne();
            }
            else if (remaining * 1000 / Stopwatch.Frequency is var milliseconds and > 1)
            {
                // Woken early when an earlier deadline comes in.
                _changed.WaitOne((int)milliseconds - 1);
            }
            else
            {
                Thread.Yield();
            }
        }
    }
}
