namespace EcrUtils.Ecr.Json;

// With imageIds, ECR answers those images at once: no maxResults, no nextToken.
internal sealed record DescribeImagesRequest(
    string? RegistryId,
    string RepositoryName,
    string? NextToken,
    int? MaxResults,
    DescribeImagesFilter Filter,
    IReadOnlyList<ImageIdentifierDto>? ImageIds = null);

internal sealed record DescribeImagesFilter(string ImageStatus);

internal sealed record DescribeImagesResponse(IReadOnlyList<ImageDetailDto>? ImageDetails, string? NextToken);

// imagePushedAt is epoch seconds as a JSON number that may be fractional or in exponent form; decimal keeps it exact.
internal sealed record ImageDetailDto(
    string? ImageDigest,
    IReadOnlyList<string>? ImageTags,
    decimal? ImagePushedAt,
    long? ImageSizeInBytes,
    string? ImageManifestMediaType,
    string? ArtifactMediaType,
    string? ImageStatus,
    decimal? LastRecordedPullTime,
    decimal? LastArchivedAt);
