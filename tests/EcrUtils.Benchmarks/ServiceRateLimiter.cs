namespace EcrUtils.Benchmarks;

/// <summary>Applies a <see cref="ServiceRateLimit"/> to each operation on its own, and counts what it throttles.</summary>
internal sealed class ServiceRateLimiter(ServiceRateLimit limit, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private int _throttled;

    public int Throttled
    {
        get
        {
            lock (_gate)
            {
                return _throttled;
            }
        }
    }

    /// <summary>Takes a token of <paramref name="operation"/>'s bucket; false (and counted) when there is none.</summary>
    public bool TryAdmit(string operation)
    {
        var now = timeProvider.GetTimestamp();
        lock (_gate)
        {
            if (!_buckets.TryGetValue(operation, out var bucket))
            {
                _buckets[operation] = bucket = new Bucket { Tokens = limit.Burst, RefilledAt = now };
            }

            var refill = timeProvider.GetElapsedTime(bucket.RefilledAt, now).TotalSeconds * limit.RequestsPerSecond;
            bucket.Tokens = Math.Min(limit.Burst, bucket.Tokens + refill);
            bucket.RefilledAt = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens--;
                return true;
            }

            _throttled++;
            return false;
        }
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public long RefilledAt { get; set; }
    }
}
