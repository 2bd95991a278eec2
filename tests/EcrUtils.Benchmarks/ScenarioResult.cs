using System.Globalization;

namespace EcrUtils.Benchmarks;

/// <summary>
/// What one scenario measured; <paramref name="Calls"/> counts every attempt, <paramref name="Throttled"/> ones included;
/// <paramref name="ServedLatencyMs"/> is the mean time the simulated ECR took from a call's arrival to its answer written.
/// </summary>
internal sealed record ScenarioResult(
    Scenario Scenario, int Calls, TimeSpan WallTime, long PeakWorkingSet, int ImagesLeft, int Throttled, double ServedLatencyMs)
{
    public double Ratio => Scenario.Bound > TimeSpan.Zero ? WallTime / Scenario.Bound : double.NaN;

    /// <summary>The ratio to the bound at the latency the simulated ECR really served, not the nominal one.</summary>
    public double ServedRatio => Scenario.LatencyMs > 0 ? WallTime / Scenario.BoundAt(ServedLatencyMs) : double.NaN;

    /// <summary>The calls that ECR answered rather than throttled: the lower bound when no call was wasted.</summary>
    public int AnsweredCalls => Calls - Throttled;

    public static ScenarioResult Parse(Scenario scenario, string line)
    {
        var parts = line.Split(' ');
        return new ScenarioResult(
            scenario,
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            TimeSpan.FromMilliseconds(double.Parse(parts[1], CultureInfo.InvariantCulture)),
            long.Parse(parts[2], CultureInfo.InvariantCulture),
            int.Parse(parts[3], CultureInfo.InvariantCulture),
            int.Parse(parts[4], CultureInfo.InvariantCulture),
            double.Parse(parts[5], CultureInfo.InvariantCulture));
    }

    /// <summary>"calls wallMs peakBytes imagesLeft throttled servedLatencyMs".</summary>
    public string ToLine() =>
        string.Create(CultureInfo.InvariantCulture, $"{Calls} {WallTime.TotalMilliseconds:F0} {PeakWorkingSet} {ImagesLeft} {Throttled} {ServedLatencyMs:F2}");
}
