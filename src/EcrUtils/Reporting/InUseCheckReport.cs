using System.Text.Json.Serialization;

namespace EcrUtils.Reporting;

/// <summary>How the in-use check of a deleting task went, in the report.</summary>
public sealed class InUseCheckReport
{
    /// <summary><c>done</c>, <c>off</c> (images in use were not protected) or <c>failed</c> (nothing was deleted).</summary>
    public required string Status { get; init; }

    /// <summary>Why the check was off or failed.</summary>
    public string? Message { get; init; }

    /// <summary>ECS clusters read.</summary>
    public int EcsClusters { get; init; }

    /// <summary>ECS services read.</summary>
    public int EcsServices { get; init; }

    /// <summary>Running ECS tasks read.</summary>
    public int EcsTasks { get; init; }

    /// <summary>Lambda functions deployed as container images read.</summary>
    public int LambdaFunctions { get; init; }

    /// <summary>References to images of private ECR registries found.</summary>
    public int References { get; init; }

    /// <summary>What the in-use file brought (<c>--in-use-file</c>); left out when none was given.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public InUseFileReport? InUseFile { get; init; }
}
