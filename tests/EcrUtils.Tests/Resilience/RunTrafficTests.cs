using System.Net;
using EcrUtils.Aws;
using EcrUtils.Resilience;
using EcrUtils.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;

namespace EcrUtils.Tests.Resilience;

/// <summary>The parts of the pipeline that the whole run shares: the cap on requests in flight, the adaptive rate, the overall timeout.</summary>
public sealed class RunTrafficTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Pipeline_CapsRequestsInFlight_AcrossAllCallers()
    {
        var sut = EcrResilience.Create(new EcrRetrySettings { MaxConcurrentRequests = 2 }, _time);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new Lock();
        var inFlight = 0;
        var mostInFlight = 0;

        // The callers start at once, as repositories processed in parallel would; each holds its slot until released.
        var calls = Enumerable.Range(0, 6).Select(_ => sut.ExecuteAsync(async token =>
        {
            lock (gate)
            {
                mostInFlight = Math.Max(mostInFlight, ++inFlight);
            }

            await release.Task.WaitAsync(token);
            lock (gate)
            {
                inFlight--;
            }

            return 1;
        }).AsTask()).ToList();
        int startedAtOnce;
        lock (gate)
        {
            startedAtOnce = inFlight;
        }

        release.SetResult();
        var results = await Task.WhenAll(calls).WaitAsync(s_bound);

        Assert.Equal(2, startedAtOnce);
        Assert.Equal(2, mostInFlight);
        Assert.Equal(6, results.Sum());
    }

    [Fact]
    public async Task Pipeline_SlowsEveryCallerDown_OnceOneIsThrottled()
    {
        var sut = EcrResilience.Create(new EcrRetrySettings { MaxRetryAttempts = 0 }, _time);
        var before = sut.ExecuteAsync(_ => ValueTask.FromResult(1)).AsTask();

        await Assert.ThrowsAsync<AwsServiceException>(() => sut.ExecuteAsync<int>(_ => throw Throttling()).AsTask());
        var other = sut.ExecuteAsync(_ => ValueTask.FromResult(2)).AsTask();
        var otherWaited = !other.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(1 / new EcrRetrySettings().MinRequestsPerSecond));

        Assert.True(before.IsCompletedSuccessfully);
        Assert.True(otherWaited);
        Assert.Equal(2, await other.WaitAsync(s_bound));
    }

    [Fact]
    public async Task Pipeline_DoesNotSlowDown_WhenAdaptiveRateLimitIsOff()
    {
        var sut = EcrResilience.Create(new EcrRetrySettings { MaxRetryAttempts = 0, AdaptiveRateLimit = false }, _time);

        await Assert.ThrowsAsync<AwsServiceException>(() => sut.ExecuteAsync<int>(_ => throw Throttling()).AsTask());
        var other = sut.ExecuteAsync(_ => ValueTask.FromResult(2)).AsTask();

        Assert.True(other.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Pipeline_DoesNotSlowDown_ForServerErrors()
    {
        var sut = EcrResilience.Create(new EcrRetrySettings { MaxRetryAttempts = 0 }, _time);

        await Assert.ThrowsAsync<AwsServiceException>(() => sut.ExecuteAsync<int>(_ => throw new AwsServiceException("ServerException", "boom", HttpStatusCode.InternalServerError, "DescribeImages")).AsTask());
        var other = sut.ExecuteAsync(_ => ValueTask.FromResult(2)).AsTask();

        Assert.True(other.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Pipeline_GivesUp_WhenTheOverallTimeoutPasses()
    {
        var settings = new EcrRetrySettings { MaxRetryAttempts = 20, AttemptTimeout = TimeSpan.FromSeconds(30), OverallTimeout = TimeSpan.FromSeconds(60) };
        var driver = new FakeTimeDriver(settings.AttemptTimeout);
        var sut = EcrResilience.Create(settings, driver);
        var attempts = 0;

        var error = await Assert.ThrowsAsync<TimeoutRejectedException>(() => driver.RunAsync(() => sut.ExecuteAsync<int>(async token =>
        {
            attempts++;
            // Every attempt hangs until its own timeout fires.
            driver.Time.Advance(settings.AttemptTimeout);
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return 0;
        }).AsTask()));

        Assert.Equal(settings.OverallTimeout, error.Timeout);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task Pipeline_ReportsRetriesAndSlowdowns_WithoutSecrets()
    {
        var lines = new List<string>();
        var settings = new EcrRetrySettings();
        var driver = new FakeTimeDriver(settings.AttemptTimeout);
        var sut = EcrResilience.Create(settings, driver, line =>
        {
            lock (lines)
            {
                lines.Add(line);
            }
        });
        var attempts = 0;

        await driver.RunAsync(() => sut.ExecuteAsync(_ => ++attempts == 1 ? throw Throttling() : ValueTask.FromResult(1)).AsTask());

        Assert.Contains(lines, l => l.Contains("ThrottlingException", StringComparison.Ordinal) && l.Contains("retry 1 of 6", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("slows down", StringComparison.Ordinal));
    }

    private static AwsServiceException Throttling() => new("ThrottlingException", "Rate exceeded", HttpStatusCode.BadRequest, "DescribeImages");

    [Fact]
    public async Task Pipeline_AfterTheRunIsAskedToStop_SendsNothingNew_ButLetsTheRequestInFlightFinish()
    {
        using var stop = new CancellationTokenSource();
        var sut = EcrResilience.Create(new EcrRetrySettings { MaxConcurrentRequests = 1 }, _time, stopSending: stop.Token);
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = sut.ExecuteAsync(async token =>
        {
            inFlight.SetResult();
            await release.Task.WaitAsync(token);
            return 1;
        }).AsTask();
        await inFlight.Task.WaitAsync(s_bound);
        var sent = 0;
        // Waits for the one slot; the stop ends the wait.
        var waiting = sut.ExecuteAsync(_ => ValueTask.FromResult(Interlocked.Increment(ref sent))).AsTask();

        await stop.CancelAsync();
        await Assert.ThrowsAsync<RequestNotSentException>(() => waiting.WaitAsync(s_bound));
        await Assert.ThrowsAsync<RequestNotSentException>(() => sut.ExecuteAsync(_ => ValueTask.FromResult(Interlocked.Increment(ref sent))).AsTask().WaitAsync(s_bound));
        release.SetResult();

        Assert.Equal(1, await running.WaitAsync(s_bound));
        Assert.Equal(0, sent);
    }

    [Fact]
    public async Task Pipeline_AfterTheRunIsAskedToStop_DoesNotRetry_NorWaitForARetrysDelay()
    {
        using var stop = new CancellationTokenSource();
        // The fake clock never moves: a retry that waited for its delay would never end.
        var sut = EcrResilience.Create(new EcrRetrySettings { MaxRetryAttempts = 5 }, _time, stopSending: stop.Token);
        var attempts = 0;

        var call = sut.ExecuteAsync<int>(async _ =>
        {
            Interlocked.Increment(ref attempts);
            await stop.CancelAsync();
            throw new AwsServiceException("ThrottlingException", "Rate exceeded", HttpStatusCode.BadRequest, "BatchDeleteImage");
        }).AsTask();

        await Assert.ThrowsAsync<RequestNotSentException>(() => call.WaitAsync(s_bound));
        Assert.Equal(1, attempts);
    }
}
