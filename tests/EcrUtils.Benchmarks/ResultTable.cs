using System.Globalization;
using System.Text;

namespace EcrUtils.Benchmarks;

/// <summary>The results as a Markdown table, ready for BENCHMARKS.md.</summary>
internal static class ResultTable
{
    public static string Format(IEnumerable<ScenarioResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| Scenario | API calls | Lower bound | Wall time | Latency bound | Ratio | Peak memory |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var ratio = double.IsNaN(r.Ratio) ? "n/a" : r.Ratio.ToString("F2", CultureInfo.InvariantCulture);
            var bound = r.Scenario.LatencyMs == 0 ? "(no latency)" : string.Create(CultureInfo.InvariantCulture, $"{r.Scenario.LatencyBound.TotalSeconds:F2} s");
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario.Name} | {r.Calls} | {r.Scenario.LowerBoundCalls} | {r.WallTime.TotalSeconds:F2} s | {bound} | {ratio} | {r.PeakWorkingSet / (1024.0 * 1024):F0} MiB |");
        }

        return text.ToString();
    }
}
