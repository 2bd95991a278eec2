namespace EcrUtils.Reporting;

/// <summary>A problem with one tag or image.</summary>
public sealed record ProblemReport(string? Tag, string? Digest, string Code, string Message);
