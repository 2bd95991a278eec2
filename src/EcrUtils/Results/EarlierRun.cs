namespace EcrUtils.Results;

/// <summary>
/// The run before this one at the same report path, when it did not finish (stopped, killed, failed, or left ids
/// unconfirmed): the tags it set out to remove and left open, by repository URI. A rerun that finds such a tag gone
/// counts it as removed by that run, and says so.
/// </summary>
/// <param name="ReportPath">Where that run's report is kept now.</param>
/// <param name="StartedAt">When that run started.</param>
/// <param name="Status">How its report says it ended (<c>running</c> when it was killed).</param>
/// <param name="OpenTags">The tags it was to remove and did not confirm as removed, by repository URI.</param>
public sealed record EarlierRun(string ReportPath, DateTimeOffset StartedAt, string Status, IReadOnlyDictionary<string, IReadOnlySet<string>> OpenTags);
