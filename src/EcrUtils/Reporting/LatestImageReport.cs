using System.Text.Json.Serialization;

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
    string? PinnedUri)
{
    /// <summary>When ECR last recorded a pull of the image; left out when it records none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? LastRecordedPullTime { get; init; }

    /// <summary>The tag of a newer image of the environment that is archived (RestoreImages brings it back); left out when there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NewerArchivedTag { get; init; }

    /// <summary>The digest of that archived image; left out when there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NewerArchivedDigest { get; init; }
}
