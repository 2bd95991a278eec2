using System.Text.Json.Serialization;

namespace EcrUtils.Reporting;

/// <summary>The settings of a run, as recorded in its report.</summary>
public sealed record ReportSettings(
    string TagPattern,
    string FloatingTagPattern,
    IReadOnlyList<string> ProtectTags,
    int? Keep,
    string? FallbackEnvironment,
    string? RegistryId,
    string? Region)
{
    /// <summary><c>--older-than</c> (e.g. <c>14d</c>); left out when not given.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OlderThan { get; init; }

    /// <summary><c>--keep-pulled-within</c> (e.g. <c>7d</c>); left out when not given.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? KeepPulledWithin { get; init; }

    /// <summary>True with <c>--archive</c>; left out otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Archive { get; init; }
}
