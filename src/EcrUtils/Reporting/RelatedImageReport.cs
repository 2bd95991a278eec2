namespace EcrUtils.Reporting;

/// <summary>A child manifest or companion that goes (or stays) with an image of the plan, listed under that image.</summary>
public sealed class RelatedImageReport
{
    /// <summary>The manifest digest.</summary>
    public required string Digest { get; init; }

    /// <summary><c>child</c> (a platform manifest of a deleted index) or <c>companion</c> (a signature, attestation or SBOM).</summary>
    public required string Kind { get; init; }

    /// <summary>The digest it belongs to: its index, or the image it signs or describes.</summary>
    public required string Parent { get; init; }

    /// <summary>Its tags (a companion's tags are what is removed; a child has none).</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>The size ECR reports for it.</summary>
    public long SizeInBytes { get; init; }

    /// <summary><c>delete</c> or <c>keep</c>.</summary>
    public required string Action { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary><c>planned</c> (preview, or not reached), <c>deleted</c>, <c>kept</c>, <c>failed</c> or <c>unconfirmed</c>.</summary>
    public string Outcome { get; init; } = "planned";
}
