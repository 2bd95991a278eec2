using System.Globalization;

namespace EcrUtils.Benchmarks;

/// <summary>What one scenario measured.</summary>
internal sealed record ScenarioResult(Scenario Scenario, int Calls, TimeSpan WallTime, long PeakWorkingSet, int ImagesLeft)
{
    public double Ratio => Scenario.LatencyBound > TimeSpan.Zero ? WallTime / Scenario.LatencyBound : double.NaN;

    public static ScenarioResult Parse(Scenario scenario, string line)
    {
        var parts = line.Split(' ');
        return new ScenarioResult(
            scenario,
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            TimeSpan.FromMilliseconds(double.Parse(parts[1], CultureInfo.InvariantCulture)),
            long.Parse(parts[2], CultureInfo.InvariantCulture),
            int.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{Calls} {WallTime.TotalMilliseconds:F0} {PeakWorkingSet} {ImagesLeft}");
}
