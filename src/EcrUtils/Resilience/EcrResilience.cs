using System.Net;
using EcrUtils.Ecr;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace EcrUtils.Resilience;

/// <summary>Builds the one resilience pipeline that every ECR call goes through.</summary>
public static class EcrResilience
{
    // Error codes that AWS uses for throttling and brief unavailability; everything else in 4xx is the caller's fault.
    private static readonly HashSet<string> s_transientErrorCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException",
        "Throttling",
        "TooManyRequestsException",
        "RequestLimitExceeded",
        "ServiceUnavailable",
        "ServiceUnavailableException",
    };

    /// <summary>
    /// Creates a pipeline that retries transient errors with exponential backoff and jitter, and limits each attempt
    /// to <see cref="EcrRetrySettings.AttemptTimeout"/>. Build it once and share it.
    /// </summary>
    public static ResiliencePipeline Create(EcrRetrySettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Validate(settings);

        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (settings.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetryAttempts,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } exception && IsTransient(exception)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    BackoffDelay(settings, args.AttemptNumber, Random.Shared.NextDouble())),
            });
        }

        return builder.AddTimeout(settings.AttemptTimeout).Build();
    }

    /// <summary>Whether an attempt that failed with <paramref name="exception"/> is worth another try.</summary>
    internal static bool IsTransient(Exception exception) => exception switch
    {
        EcrException ecr => ecr.StatusCode is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError
            || s_transientErrorCodes.Contains(ecr.ErrorCode),
        TimeoutRejectedException or HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>
    /// "Equal jitter": half of the exponential delay is fixed and half is random, so delays still grow from one retry
    /// to the next while clients that were throttled together spread out.
    /// </summary>
    internal static TimeSpan BackoffDelay(EcrRetrySettings settings, int attemptNumber, double random)
    {
        var exponential = settings.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 30));
        var capped = Math.Min(exponential, settings.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (capped / 2 * random));
    }

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
    }
}
