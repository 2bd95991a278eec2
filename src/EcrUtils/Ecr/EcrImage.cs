namespace EcrUtils.Ecr;

/// <summary>One image (one manifest digest) of a repository, as DescribeImages reports it.</summary>
/// <param name="Digest">The manifest digest, <c>sha256:…</c>.</param>
/// <param name="Tags">The image's tags; empty for an untagged image.</param>
/// <param name="PushedAt">When the image was pushed.</param>
/// <param name="SizeInBytes">The size ECR reports for the image.</param>
/// <param name="ManifestMediaType">The manifest media type, when ECR reports it.</param>
/// <param name="ArtifactMediaType">The artifact media type, when ECR reports it.</param>
/// <param name="Status">The image status: <c>ACTIVE</c> (also when ECR omits it), <c>ARCHIVED</c> or <c>ACTIVATING</c>.</param>
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

    /// <summary>The status of an archived image: it cannot be pulled until it is restored.</summary>
    public const string ArchivedStatus = "ARCHIVED";

    /// <summary>The status of an image being restored from the archive.</summary>
    public const string ActivatingStatus = "ACTIVATING";

    /// <summary>Whether the image can be pulled (not archived).</summary>
    public bool IsActive => string.Equals(Status, ActiveStatus, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the image is archived (and not being restored).</summary>
    public bool IsArchived => string.Equals(Status, ArchivedStatus, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// When ECR last recorded a pull of the image (it refreshes this at least once every 24 hours, whoever pulls);
    /// null when it records none.
    /// </summary>
    public DateTimeOffset? LastRecordedPullTime { get; init; }

    /// <summary>When the image was last archived; null when it never was (or ECR does not say).</summary>
    public DateTimeOffset? LastArchivedAt { get; init; }
}
