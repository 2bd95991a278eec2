namespace EcrUtils.Reporting;

/// <summary>The unfinished run before a run at the same report path.</summary>
/// <param name="Report">Where its report is kept now (<c>…previous.json</c>).</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="Status">How its report says it ended (<c>running</c>: it was killed).</param>
public sealed record EarlierRunReport(string Report, DateTimeOffset StartedAt, string Status);
