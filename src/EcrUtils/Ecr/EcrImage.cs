namespace EcrUtils.Ecr;

/// <summary>One image (one manifest digest) of a repository, as DescribeImages reports it.</summary>
/// <param name="Digest">The manifest digest, <c>sha256:…</c>.</param>
/// <param name="Tags">The image's tags; empty for an untagged image.</param>
/// <param name="PushedAt">When the image was pushed.</param>
/// <param name="SizeInBytes">The size ECR reports for the image.</param>
/// <param name="ManifestMediaType">The manifest media type, when ECR reports it.</param>
/// <param name="ArtifactMediaType">The artifact media type, when ECR reports it.</param>
/// <param name="Status">The image status: <c>ACTIVE</c> (also when ECR omits it) or <c>ARCHIVED</c>.</param>
public sealed record EcrImage(
    string Digest,
    IReadOnlyList<string> Tags,
    DateTimeOffset PushedAt,
    long SizeInBytes,
    string? ManifestMediaType = null,
    string? ArtifactMediaType = null,
    string Status = EcrImage.ActiveStatus)
{
    /// <summary>The status of an image that can be pulled.</summary>
    public const string ActiveStatus = "ACTIVE";

    /// <summary>Whether the image can be pulled (not archived).</summary>
    public bool IsActive => string.Equals(Status, ActiveStatus, StringComparison.OrdinalIgnoreCase);
}
