using System.Globalization;

namespace EcrUtils.Benchmarks;

/// <summary>What one scenario measured; <paramref name="Calls"/> counts every attempt, <paramref name="Throttled"/> ones included.</summary>
internal sealed record ScenarioResult(Scenario Scenario, int Calls, TimeSpan WallTime, long PeakWorkingSet, int ImagesLeft, int Throttled)
{
    public double Ratio => Scenario.Bound > TimeSpan.Zero ? WallTime / Scenario.Bound : double.NaN;

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
            int.Parse(parts[4], CultureInfo.InvariantCulture));
    }

    /// <summary>"calls wallMs peakBytes imagesLeft throttled".</summary>
    public string ToLine() =>
        string.Create(CultureInfo.InvariantCulture, $"{Calls} {WallTime.TotalMilliseconds:F0} {PeakWorkingSet} {ImagesLeft} {Throttled}");
}
