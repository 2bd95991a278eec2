using EcrUtils.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace EcrUtils.Tests.Resilience;

public sealed class AdaptiveRateLimiterTests
{
    private const double MinRate = 0.5;
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Acquire_NeverWaits_BeforeEcrThrottles()
    {
        var sut = new AdaptiveRateLimiter(MinRate, _time);

        var waited = Enumerable.Range(0, 1000).Count(_ => !CompletedAtOnce(sut.AcquireAsync(CancellationToken.None)));

        Assert.Equal(0, waited);
        Assert.Null(sut.Rate);
    }

    [Fact]
    public void MeasuredRate_FollowsWhatIsSent()
    {
        var sut = new AdaptiveRateLimiter(MinRate, _time);

        SendSteadily(sut, perSecond: 20, seconds: 4);

        Assert.InRange(sut.MeasuredRate, 19, 22.5);
    }

    [Fact]
    public void Throttling_CutsTheRate_ToSeventyPercentOfWhatWasSent()
    {
        var sut = new AdaptiveRateLimiter(MinRate, _time);
        SendSteadily(sut, perSecond: 20, seconds: 4);

        sut.OnThrottled(_time.GetTimestamp());

        Assert.InRange(sut.Rate!.Value, 0.7 * 19, 0.7 * 22.5);
    }

    [Fact]
    public async Task Acquire_WaitsForTheNextToken_OnceThrottled()
    {
        var sut = new AdaptiveRateLimiter(MinRate, _time);
        SendSteadily(sut, perSecond: 20, seconds: 4);
        sut.OnThrottled(_time.GetTimestamp());
        var interval = TimeSpan.FromSeconds(1 / sut.Rate!.Value);

        var first = sut.AcquireAsync(CancellationToken.None).AsTask();
        _time.Advance(interval * 0.9);
        var waitedWhileEarly = !first.IsCompleted;
        _time.Advance((interval * 0.1) + TimeSpan.FromMilliseconds(1));
        await first.WaitAsync(s_bound);
        var second = sut.AcquireAsync(CancellationToken.None).AsTask();
        var secondWaited = !second.IsCompleted;
        _time.Advance(interval + TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(s_bound);

        Assert.True(waitedWhileEarly);
        Assert.True(secondWaited);
    }

    [Fact]
    public void Rate_NeverDropsBelowTheMinimum_HoweverOftenEcrThrottles()
    {
        var sut = new AdaptiveRateLimiter(MinRate, _time);

        for (var i = 0; i < 50; i++)
        {
            sut.OnThrottled(_time.GetTimestamp());
        }

        Assert.Equal(MinRate, sut.Rate);
    }

    [Fact]
    public void Rate_GrowsBackAlongTheCubicCurve_WhileRequestsSucceed()
    {
        var sut = new AdaptiveRateLimiter(MinRate, _time);
        SendSteadily(sut, perSecond: 20, seconds: 4);
        sut.OnThrottled(_time.GetTimestamp());
        var throttled = sut.Rate!.Value;
        var before = throttled / 0.7;
        var recovery = Math.Cbrt(before * (1 - AdaptiveRateLimiter.Beta) / AdaptiveRateLimiter.Growth);

        _time.Advance(TimeSpan.FromSeconds(recovery / 2));
        sut.OnAnswered();
        var halfway = sut.Rate!.Value;
        _time.Advance(TimeSpan.FromSeconds(recovery / 2));
        sut.OnAnswered();
        var recovered = sut.Rate!.Value;

        Assert.Equal(throttled, sut.CubicRate(0), 6);
        Assert.InRange(halfway, throttled, before);
        Assert.Equal(before, recovered, 3);
    }

    [Fact]
    public void Rate_NeverOutgrowsTwiceWhatIsReallySent()
    {
        var sut = new AdaptiveRateLimiter(MinRate, _time);
        SendSteadily(sut, perSecond: 4, seconds: 4);
        sut.OnThrottled(_time.GetTimestamp());

        // A minute without throttling: the cubic curve alone would allow thousands of requests per second.
        _time.Advance(TimeSpan.FromMinutes(1));
        sut.OnAnswered();

        Assert.InRange(sut.Rate!.Value, MinRate, 2 * 4.5);
    }

    [Fact]
    public async Task Throttling_CutsTheRateOnce_ForAttemptsAdmittedBeforeTheCut()
    {
        var sut = new AdaptiveRateLimiter(MinRate, _time);
        SendSteadily(sut, perSecond: 20, seconds: 4);
        var inFlight = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            inFlight.Add(await sut.AcquireAsync(CancellationToken.None));
        }

        _time.Advance(TimeSpan.FromMilliseconds(30));
        foreach (var admittedAt in inFlight)
        {
            sut.OnThrottled(admittedAt);
        }

        var afterBurst = sut.Rate!.Value;
        _time.Advance(TimeSpan.FromSeconds(1 / afterBurst) + TimeSpan.FromMilliseconds(1));
        var later = await sut.AcquireAsync(CancellationToken.None).AsTask().WaitAsync(s_bound);
        _time.Advance(TimeSpan.FromMilliseconds(30));
        sut.OnThrottled(later);

        Assert.InRange(afterBurst, 0.7 * 19, 0.7 * 22.5);
        Assert.True(sut.Rate!.Value < afterBurst);
    }

    [Fact]
    public async Task Acquire_StopsWaiting_WhenCancelled()
    {
        var sut = new AdaptiveRateLimiter(MinRate, _time);
        sut.OnThrottled(_time.GetTimestamp());
        using var cancellation = new CancellationTokenSource();

        var waiting = sut.AcquireAsync(cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(s_bound));
    }

    // Requests spread evenly; none waits, because nothing has been throttled yet.
    private void SendSteadily(AdaptiveRateLimiter sut, int perSecond, int seconds)
    {
        for (var i = 0; i < perSecond * seconds; i++)
        {
            Assert.True(CompletedAtOnce(sut.AcquireAsync(CancellationToken.None)));
            sut.OnAnswered();
            _time.Advance(TimeSpan.FromSeconds(1.0 / perSecond));
        }
    }

    private static bool CompletedAtOnce(ValueTask<long> acquired) => acquired.IsCompletedSuccessfully;
}
