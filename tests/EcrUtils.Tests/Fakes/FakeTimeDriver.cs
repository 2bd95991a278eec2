using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace EcrUtils.Tests.Fakes;

/// <summary>
/// A clock for retry tests: whenever the code under test starts a delay (a retry backoff), the driver records it and
/// moves the fake time past it, so delays elapse at once and in order, without sleeping. Timers of
/// <paramref name="attemptTimeout"/> or longer (the per-attempt and overall timeouts) are left alone: advance
/// <see cref="Time"/> to fire them.
/// </summary>
internal sealed class FakeTimeDriver(TimeSpan attemptTimeout) : TimeProvider
{
    private readonly Channel<TimeSpan> _delays = Channel.CreateUnbounded<TimeSpan>();
    private readonly List<TimeSpan> _elapsed = [];

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>The delays that were started and elapsed, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays => _elapsed;

    public override DateTimeOffset GetUtcNow() => Time.GetUtcNow();

    public override long GetTimestamp() => Time.GetTimestamp();

    public override long TimestampFrequency => Time.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Time.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Time.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime < attemptTimeout)
        {
            _delays.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>Runs <paramref name="work"/>, letting each delay it starts elapse, until it completes.</summary>
    public Task RunAsync(Func<Task> work) => RunAsync(async () =>
    {
        await work();
        return true;
    });

    /// <summary>Runs <paramref name="work"/>, letting each delay it starts elapse, until it completes.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        using var stop = new CancellationTokenSource();
        var task = work();
        while (true)
        {
            var delay = _delays.Reader.ReadAsync(stop.Token).AsTask();
            if (await Task.WhenAny(task, delay) == task)
            {
                await stop.CancelAsync();
                return await task;
            }

            var due = await delay;
            _elapsed.Add(due);
            Time.Advance(due);
        }
    }
}
