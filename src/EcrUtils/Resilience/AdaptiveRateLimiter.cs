using System.Globalization;

namespace EcrUtils.Resilience;

/// <summary>
/// A request rate shared by the whole run that adapts to throttling, after the AWS SDKs' "adaptive" retry mode
/// (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html). Until AWS first throttles, nothing
/// waits. From then on every attempt takes a token from a bucket that fills at <see cref="Rate"/>: each throttling
/// answer cuts the rate to <see cref="Beta"/> of what was being sent, and successes let it grow back along a cubic
/// curve (as TCP CUBIC does), first quickly, then carefully near the rate that was throttled, then quickly again.
/// Without this, every worker retries on its own schedule and the service keeps throttling all of them.
/// As TCP does with losses, the rate is cut once per congestion event: a throttling answer to an attempt that was
/// admitted before the last cut reports the congestion that cut already answered (with four attempts in flight, one
/// burst used to cut the rate three times over, to a third of it).
/// </summary>
internal sealed class AdaptiveRateLimiter
{
    /// <summary>The share of the sending rate kept after a throttling answer.</summary>
    internal const double Beta = 0.7;

    /// <summary>How fast the rate grows back (CUBIC's C), in requests per second per cubed second.</summary>
    internal const double Growth = 0.4;

    /// <summary>The weight of the newest interval in the measured rate.</summary>
    internal const double Smoothing = 0.8;

    /// <summary>The measured rate is taken over intervals of this many seconds.</summary>
    internal const double Interval = 0.5;

    // Clock ticks and floating point can leave a full bucket a hair short of a token.
    private const double RoundingSlack = 1e-6;

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly double _minRate;
    private readonly Action<string>? _log;

    private bool _limiting;
    private double _rate;
    private double _tokens;
    private double _lastRefill;
    private double _rateWhenThrottled;
    private double _lastThrottle;
    private long _lastCut = long.MinValue;
    private double _measuredRate;
    private double _intervalStart;
    private int _sentInInterval;

    public AdaptiveRateLimiter(double minRequestsPerSecond, TimeProvider timeProvider, Action<string>? log = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minRequestsPerSecond);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _minRate = minRequestsPerSecond;
        _time = timeProvider;
        _origin = timeProvider.GetTimestamp();
        _log = log;
    }

    /// <summary>The requests per second allowed now; <see langword="null"/> while AWS has not throttled and nothing waits.</summary>
    public double? Rate
    {
        get
        {
            lock (_lock)
            {
                return _limiting ? _rate : null;
            }
        }
    }

    /// <summary>The requests per second sent lately (smoothed).</summary>
    public double MeasuredRate
    {
        get
        {
            lock (_lock)
            {
                return _measuredRate;
            }
        }
    }

    /// <summary>
    /// Waits until the rate allows one more attempt, and counts it as sent. Returns the attempt's admission time (a
    /// timestamp of the run's <see cref="TimeProvider"/>), for <see cref="OnThrottled"/>.
    /// </summary>
    public async ValueTask<long> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = Now();
                if (!_limiting || TakeToken(now))
                {
                    CountSent(now);
                    return _time.GetTimestamp();
                }

                // Rounded up to whole milliseconds (timers truncate the rest), so that the token is there when the wait ends.
                wait = TimeSpan.FromMilliseconds(Math.Ceiling((1 - _tokens) / _rate * 1000));
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// AWS throttled the attempt admitted at <paramref name="admittedAt"/> (see <see cref="AcquireAsync"/>): the whole run
    /// slows down, unless a cut since that attempt was admitted already did.
    /// </summary>
    public void OnThrottled(long admittedAt)
    {
        double rate;
        lock (_lock)
        {
            if (_limiting && admittedAt < _lastCut)
            {
                return;
            }

            _lastCut = _time.GetTimestamp();
            var now = Now();
            // What was really being sent: the measured rate, or the allowed rate if the bucket was the limit.
            var sending = _limiting ? Math.Min(SendingRate(), _rate) : SendingRate();
            _rateWhenThrottled = Math.Max(sending, _minRate);
            _lastThrottle = now;
            if (!_limiting)
            {
                _limiting = true;
                _tokens = 0;
                _lastRefill = now;
            }

            SetRate(now, _rateWhenThrottled * Beta);
            rate = _rate;
        }

        _log?.Invoke(string.Create(
            CultureInfo.InvariantCulture,
            $"AWS is throttling requests: the run slows down to {rate:0.##} requests per second and speeds up again as requests succeed."));
    }

    /// <summary>AWS answered an attempt without throttling it: the rate may grow back.</summary>
    public void OnAnswered()
    {
        lock (_lock)
        {
            if (!_limiting)
            {
                return;
            }

            var now = Now();
            SetRate(now, Math.Min(CubicRate(now - _lastThrottle), 2 * SendingRate()));
        }
    }

    /// <summary>
    /// The rate <paramref name="secondsSinceThrottle"/> after the last throttling: it starts at <see cref="Beta"/> of the
    /// throttled rate, reaches the throttled rate again after K seconds, and then grows faster and faster.
    /// </summary>
    internal double CubicRate(double secondsSinceThrottle)
    {
        var k = Math.Cbrt(_rateWhenThrottled * (1 - Beta) / Growth);
        return (Growth * Math.Pow(secondsSinceThrottle - k, 3)) + _rateWhenThrottled;
    }

    // The measurement lags by an interval (and there is none before the first one ends): what was sent so far in the
    // current interval is a lower bound of the rate.
    private double SendingRate() => Math.Max(_measuredRate, _sentInInterval / Interval);

    private bool TakeToken(double now)
    {
        Refill(now);
        if (_tokens < 1 - RoundingSlack)
        {
            return false;
        }

        _tokens = Math.Max(0, _tokens - 1);
        return true;
    }

    private void Refill(double now)
    {
        // A full bucket holds one second of requests (at least one), so bursts stay short.
        _tokens = Math.Min(Math.Max(_rate, 1), _tokens + ((now - _lastRefill) * _rate));
        _lastRefill = now;
    }

    private void SetRate(double now, double rate)
    {
        Refill(now);
        _rate = Math.Max(rate, _minRate);
        _tokens = Math.Min(_tokens, Math.Max(_rate, 1));
    }

    private void CountSent(double now)
    {
        _sentInInterval++;
        var interval = Math.Floor(now / Interval) * Interval;
        if (interval > _intervalStart)
        {
            var recent = _sentInInterval / (interval - _intervalStart);
            _measuredRate = (recent * Smoothing) + (_measuredRate * (1 - Smoothing));
            _sentInInterval = 0;
            _intervalStart = interval;
        }
    }

    private double Now() => _time.GetElapsedTime(_origin).TotalSeconds;
}
