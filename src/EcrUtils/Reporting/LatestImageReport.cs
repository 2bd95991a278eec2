namespace EcrUtils.Reporting;

/// <summary>The latest image of one repository (or its absence).</summary>
public sealed record LatestImageReport(
    string Repository,
    bool Found,
    string? Environment,
    bool Fallback,
    string? Tag,
    string? Digest,
    DateTimeOffset? PushedAt,
    string? ImageUri,
    string? PinnedUri);
