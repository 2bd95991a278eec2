namespace EcrUtils.Benchmarks;

/// <summary>The runs of one scenario: the table shows the run of median wall time, the range of all, and the largest peak.</summary>
internal sealed record ScenarioRuns(IReadOnlyList<ScenarioResult> Runs)
{
    public ScenarioResult Median { get; } = Runs.OrderBy(r => r.WallTime).ElementAt(Runs.Count / 2);

    public TimeSpan Fastest => Runs.Min(r => r.WallTime);

    public TimeSpan Slowest => Runs.Max(r => r.WallTime);

    public long PeakWorkingSet => Runs.Max(r => r.PeakWorkingSet);
}
