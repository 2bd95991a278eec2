using System.Globalization;
using System.Text;

namespace EcrUtils.Benchmarks;

/// <summary>
/// The results as a Markdown table, ready for BENCHMARKS.md: per scenario, the run of median wall time (its calls, wall
/// time, ratio, served latency and ratio at it), the range of the runs' wall times, and the largest peak working set of
/// the runs. In a throttled scenario, API calls counts every attempt and the bound column holds
/// <see cref="Scenario.Bound"/>, marked "(rate limit)" when the quota sets it. The last two columns hold the mean latency
/// that the simulated ECR really served and the ratio to the bound at that latency.
/// </summary>
internal static class ResultTable
{
    public static string Format(IEnumerable<ScenarioRuns> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| Scenario | API calls | Lower bound | Wall time (median) | Range | Latency bound | Ratio | Peak memory | Throttled | Served latency | Ratio at served |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var runs in results)
        {
            var r = runs.Median;
            var ratio = double.IsNaN(r.Ratio) ? "n/a" : r.Ratio.ToString("F2", CultureInfo.InvariantCulture);
            var throttled = r.Scenario.RateLimit is null ? "n/a" : r.Throttled.ToString(CultureInfo.InvariantCulture);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario.Name} | {r.Calls} | {r.Scenario.LowerBoundCalls} | {r.WallTime.TotalSeconds:F2} s | {runs.Fastest.TotalSeconds:F2}–{runs.Slowest.TotalSeconds:F2} s | {Bound(r.Scenario)} | {ratio} | {runs.PeakWorkingSet / (1024.0 * 1024):F0} MiB | {throttled} | {Served(r)} |");
        }

        return text.ToString();
    }

    private static string Served(ScenarioResult r) => r.Scenario.LatencyMs == 0
        ? "n/a | n/a"
        : string.Create(CultureInfo.InvariantCulture, $"{r.ServedLatencyMs:F1} ms | {r.ServedRatio:F2}");

    private static string Bound(Scenario scenario) => scenario switch
    {
        { LatencyMs: 0 } => "(no latency)",
        _ when scenario.RateBound > scenario.LatencyBound => string.Create(CultureInfo.InvariantCulture, $"{scenario.Bound.TotalSeconds:F2} s (rate limit)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{scenario.Bound.TotalSeconds:F2} s"),
    };
}
