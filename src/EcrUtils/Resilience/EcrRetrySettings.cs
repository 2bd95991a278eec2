namespace EcrUtils.Resilience;

/// <summary>How ECR calls are retried, timed out, spread out and slowed down. The defaults are safe for any registry.</summary>
public sealed record EcrRetrySettings
{
    /// <summary>The default of <see cref="MaxRetryAttempts"/>.</summary>
    public const int DefaultMaxRetryAttempts = 6;

    /// <summary>The most retries a setting may ask for: more only hides an outage for longer.</summary>
    public const int MaxMaxRetryAttempts = 20;

    /// <summary>Retries after the first attempt; 0 turns retries off.</summary>
    public int MaxRetryAttempts { get; init; } = DefaultMaxRetryAttempts;

    /// <summary>The delay before the first retry at most; each further retry doubles it. The delay is a random share of it (full jitter).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one attempt may take before it is abandoned (and retried).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one call may take with all its attempts, backoffs and waits for its turn, so that a run never hangs.
    /// It must be longer than <see cref="AttemptTimeout"/>.
    /// </summary>
    public TimeSpan OverallTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How many requests may be in flight at the same time, across every repository of the run.</summary>
    public int MaxConcurrentRequests { get; init; } = 4;

    /// <summary>
    /// Whether the run slows down when ECR throttles: every request then waits for a token of a shared bucket whose
    /// rate drops on each throttling answer and grows back while requests succeed (like the AWS SDKs' adaptive mode).
    /// </summary>
    public bool AdaptiveRateLimit { get; init; } = true;

    /// <summary>The slowest the adaptive rate limit ever goes, in requests per second.</summary>
    public double MinRequestsPerSecond { get; init; } = 0.5;
}
