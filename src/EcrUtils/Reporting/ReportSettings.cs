namespace EcrUtils.Reporting;

/// <summary>The settings of a run, as recorded in its report.</summary>
public sealed record ReportSettings(
    string TagPattern,
    string FloatingTagPattern,
    IReadOnlyList<string> ProtectTags,
    int? Keep,
    string? FallbackEnvironment,
    string? RegistryId,
    string? Region);
