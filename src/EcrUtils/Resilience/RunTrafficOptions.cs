using Polly;

namespace EcrUtils.Resilience;

/// <summary>Names <see cref="RunTrafficStrategy"/> in the pipeline (Polly registers every strategy with options).</summary>
internal sealed class RunTrafficOptions : ResilienceStrategyOptions
{
    public RunTrafficOptions() => Name = "RunTraffic";
}
