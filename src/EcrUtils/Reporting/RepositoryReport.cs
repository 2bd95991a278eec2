using System.Text.Json.Serialization;

namespace EcrUtils.Reporting;

/// <summary>One repository in the report of a deleting task.</summary>
public sealed record RepositoryReport
{
    /// <summary>The repository name.</summary>
    public required string Name { get; init; }

    /// <summary>The repository URI.</summary>
    public required string Uri { get; init; }

    /// <summary><c>planning</c>, <c>planned</c>, <c>deleting</c>, <c>done</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public string Status { get; init; } = "planning";

    /// <summary>Why the repository failed, if it did.</summary>
    public string? Error { get; init; }

    /// <summary>Environment images kept.</summary>
    public int ImagesKept { get; init; }

    /// <summary>Images the environment is (to be) removed from.</summary>
    public int ImagesToRemove { get; init; }

    /// <summary>Images that left (or, in a preview, would leave) the registry because their last tag went.</summary>
    public int ImagesDeleted { get; init; }

    /// <summary>Tags removed so far (in a preview: 0).</summary>
    public int TagsRemoved { get; init; }

    /// <summary>Bytes freed (in a preview: that would be freed).</summary>
    public long BytesReclaimed { get; init; }

    /// <summary>Every environment image with its decision and outcome.</summary>
    public List<ImageReport> Images { get; init; } = [];

    /// <summary>Problems that need attention (failed removals, moved tags).</summary>
    public List<ProblemReport> Problems { get; init; } = [];

    /// <summary>
    /// Tags that the earlier, unfinished run at the same path left open and this run found gone (that run removed
    /// them; not counted in <see cref="TagsRemoved"/>); left out when there are none.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? RemovedByEarlierRun { get; init; }

    /// <summary><c>--archive</c>: images and children archived instead of deleted (in a preview: that would be); left out otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ImagesArchived { get; init; }

    /// <summary><c>--archive</c>: the size of what was (in a preview: would be) archived; left out otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? BytesArchived { get; init; }
}
