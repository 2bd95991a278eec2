namespace EcrUtils.Benchmarks;

/// <summary>
/// A request quota of the simulated ECR, per API operation, as a token bucket: it holds up to <paramref name="Burst"/>
/// requests (full at the start) and refills at <paramref name="RequestsPerSecond"/>; a request that finds it empty is
/// answered with a ThrottlingException.
/// </summary>
internal sealed record ServiceRateLimit(int RequestsPerSecond, int Burst)
{
    /// <summary>
    /// ECR throttles each API of an account and Region with a token bucket. AWS publishes no rate for DescribeImages or
    /// BatchDeleteImage; its one worked example, GetAuthorizationToken, refills at 20 requests per second
    /// (https://docs.aws.amazon.com/AmazonECR/latest/userguide/common-errors.html, "HTTP 429: Too Many Requests or
    /// ThrottleException"). This takes that rate, with one second of burst (not the example's 200, which would let most
    /// of a run through unthrottled and so measure nothing).
    /// </summary>
    public static ServiceRateLimit Documented { get; } = new(20, 20);

    /// <summary>
    /// The earliest time after a full bucket's first request at which <paramref name="calls"/> requests of one operation
    /// can all have been admitted: the burst goes at once, every further request waits for its token.
    /// </summary>
    public TimeSpan TimeToAdmit(int calls) => TimeSpan.FromSeconds(Math.Max(0, calls - Burst) / (double)RequestsPerSecond);
}
