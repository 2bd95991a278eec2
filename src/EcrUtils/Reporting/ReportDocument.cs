using System.Text.Json.Serialization;

namespace EcrUtils.Reporting;

/// <summary>The JSON report of one run (schema version 1, documented in README.md).</summary>
public sealed class ReportDocument
{
    /// <summary>The schema version of this document.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>The task that ran.</summary>
    public required string Task { get; init; }

    /// <summary>The environment the task worked on.</summary>
    public required string Environment { get; init; }

    /// <summary>Whether this was a preview (nothing deleted).</summary>
    public bool Preview { get; init; }

    /// <summary><c>running</c>, <c>succeeded</c>, <c>partial-failure</c>, <c>missing-images</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public string Status { get; init; } = "running";

    /// <summary>When the run started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run ended; null while it runs.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The settings that decided what was kept.</summary>
    public required ReportSettings Settings { get; init; }

    /// <summary>Why the run failed as a whole, if it did.</summary>
    public string? Error { get; init; }

    /// <summary>Per repository: the plan and what became of it (deleting tasks).</summary>
    public List<RepositoryReport> Repositories { get; init; } = [];

    /// <summary>Per repository: the latest image (GetLatestImages).</summary>
    public List<LatestImageReport> LatestImages { get; init; } = [];

    /// <summary>How the in-use check went (deleting tasks); null until it ran, and for GetLatestImages.</summary>
    public InUseCheckReport? InUseCheck { get; init; }

    /// <summary>
    /// The unfinished run before this one at the same path, whose open tags this run accounts for (see
    /// <see cref="RepositoryReport.RemovedByEarlierRun"/>); left out when there was none.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EarlierRunReport? EarlierRun { get; init; }

    /// <summary>ListEnvironments: every environment of the scope, largest reclaimable first; left out for the other tasks.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<EnvironmentReport>? Environments { get; init; }

    /// <summary>ListEnvironments: images that belong to no environment (untagged, companions, other tags).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ImagesWithoutEnvironment { get; init; }

    /// <summary>RestoreImages: every image it looked at and where it stands; left out for the other tasks.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<RestoredImageReport>? RestoredImages { get; init; }
}
