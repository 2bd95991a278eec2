using System.Globalization;
using System.Net;
using EcrUtils.Aws;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace EcrUtils.Resilience;

/// <summary>Builds the one resilience pipeline that every ECR call of a run goes through.</summary>
public static class EcrResilience
{
    // Error codes that AWS uses for throttling: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/CommonErrors.html
    private static readonly HashSet<string> s_throttlingErrorCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException",
        "Throttling",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "RequestLimitExceeded",
        "SlowDown",
    };

    // Brief unavailability; everything else in 4xx is the caller's fault and retrying cannot help.
    private static readonly HashSet<string> s_unavailableErrorCodes = new(StringComparer.Ordinal)
    {
        "ServiceUnavailable",
        "ServiceUnavailableException",
    };

    /// <summary>
    /// Creates the pipeline of a run, from the outside in: an overall time limit per call; retries of transient errors
    /// with exponential backoff and full jitter; the run's shared traffic control (an adaptive rate limit that slows
    /// every caller down once ECR throttles, and a cap on requests in flight); and a time limit per attempt.
    /// Build it once per run and share it: the rate limit and the cap are the pipeline's own.
    /// </summary>
    /// <param name="settings">The limits; see <see cref="EcrRetrySettings"/> for the defaults.</param>
    /// <param name="timeProvider">The clock for delays and timeouts.</param>
    /// <param name="log">Receives a line for every retry and every slowdown (never a secret), e.g. for verbose output.</param>
    /// <param name="stopSending">
    /// Once cancelled, nothing more is sent: no new request and no retry (they end in <see cref="RequestNotSentException"/>,
    /// a retry without waiting for its delay), while the requests in flight finish within their time limit.
    /// </param>
    /// <exception cref="ArgumentException">A setting cannot work; the message names it.</exception>
    public static ResiliencePipeline Create(EcrRetrySettings settings, TimeProvider timeProvider, Action<string>? log = null, CancellationToken stopSending = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Validate(settings);

        var limiter = settings.AdaptiveRateLimit ? new AdaptiveRateLimiter(settings.MinRequestsPerSecond, timeProvider, log) : null;
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "OverallTimeout", Timeout = settings.OverallTimeout });
        if (settings.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetryAttempts,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } exception && IsTransient(exception)),
                // After a stop the retry is refused at once (by the traffic control below), not after its delay.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    stopSending.IsCancellationRequested ? TimeSpan.Zero : BackoffDelay(settings, args.AttemptNumber, Random.Shared.NextDouble())),
                OnRetry = args =>
                {
                    log?.Invoke(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{Describe(args.Outcome.Exception)}; retry {args.AttemptNumber + 1} of {settings.MaxRetryAttempts} in {args.RetryDelay.TotalSeconds:0.0##} s."));
                    return default;
                },
            });
        }

        builder.AddStrategy(_ => new RunTrafficStrategy(limiter, settings.MaxConcurrentRequests, stopSending), new RunTrafficOptions());
        return builder.AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = settings.AttemptTimeout }).Build();
    }

    /// <summary>Whether an attempt that failed with <paramref name="exception"/> is worth another try.</summary>
    internal static bool IsTransient(Exception exception) => exception switch
    {
        AwsServiceException ecr => IsThrottling(ecr)
            || ecr.StatusCode >= HttpStatusCode.InternalServerError
            || s_unavailableErrorCodes.Contains(ecr.ErrorCode),
        TimeoutRejectedException or HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>Whether ECR refused an attempt because of the request rate.</summary>
    internal static bool IsThrottling(Exception exception) =>
        exception is AwsServiceException ecr && (ecr.StatusCode == HttpStatusCode.TooManyRequests || s_throttlingErrorCodes.Contains(ecr.ErrorCode));

    /// <summary>
    /// Exponential backoff with "full jitter": a random delay between zero and the exponential delay (capped), so that
    /// clients that failed together spread out over the whole interval instead of retrying in step:
    /// https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/. At least a millisecond, because timers
    /// round shorter delays down to no delay at all.
    /// </summary>
    internal static TimeSpan BackoffDelay(EcrRetrySettings settings, int attemptNumber, double random)
    {
        var exponential = settings.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attemptNumber, 0, 30));
        return TimeSpan.FromMilliseconds(Math.Max(1, Math.Min(exponential, settings.MaxDelay.TotalMilliseconds) * random));
    }

    private static string Describe(Exception? exception) => exception switch
    {
        AwsServiceException ecr => $"{ecr.Operation} answered {ecr.ErrorCode} (HTTP {(int)ecr.StatusCode})",
        TimeoutRejectedException => "A request took longer than its time limit",
        null => "A request failed",
        _ => $"A request failed ({exception.GetType().Name}: {exception.Message})",
    };

    private static void Validate(EcrRetrySettings settings)
    {
        if (settings.MaxRetryAttempts < 0)
        {
            throw new ArgumentException($"MaxRetryAttempts must be 0 or more (got {settings.MaxRetryAttempts}).", nameof(settings));
        }

        if (settings.BaseDelay <= TimeSpan.Zero || settings.MaxDelay < settings.BaseDelay)
        {
            throw new ArgumentException(
                $"BaseDelay must be positive and MaxDelay at least BaseDelay (got {settings.BaseDelay} and {settings.MaxDelay}).",
                nameof(settings));
        }

        // Polly's own bounds for a timeout.
        if (settings.AttemptTimeout <= TimeSpan.FromMilliseconds(10) || settings.AttemptTimeout >= TimeSpan.FromHours(24))
        {
            throw new ArgumentException(
                $"AttemptTimeout must be more than 10 ms and less than 24 hours (got {settings.AttemptTimeout}).",
                nameof(settings));
        }

        if (settings.OverallTimeout <= settings.AttemptTimeout || settings.OverallTimeout >= TimeSpan.FromHours(24))
        {
            throw new ArgumentException(
                $"OverallTimeout must be longer than AttemptTimeout and less than 24 hours (got {settings.OverallTimeout} and {settings.AttemptTimeout}).",
                nameof(settings));
        }

        if (settings.MaxConcurrentRequests < 1)
        {
            throw new ArgumentException($"MaxConcurrentRequests must be at least 1 (got {settings.MaxConcurrentRequests}).", nameof(settings));
        }

        if (!(settings.MinRequestsPerSecond > 0) || double.IsInfinity(settings.MinRequestsPerSecond))
        {
            throw new ArgumentException($"MinRequestsPerSecond must be a positive number (got {settings.MinRequestsPerSecond}).", nameof(settings));
        }
    }
}
