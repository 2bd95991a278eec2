using System.Net;
using EcrUtils.Aws;
using EcrUtils.Ecr.Json;

namespace EcrUtils.Ecr;

/// <summary>
/// Maps ECR's JSON to the library's records. A missing digest or push time is an invalid answer rather than a default:
/// a defaulted push time would make an image look oldest, i.e. first in line for deletion.
/// </summary>
internal static class EcrResponseMapper
{
    public static EcrRepository ToRepository(RepositoryDto dto) => new(
        Required(dto.RepositoryName, "repositoryName", "DescribeRepositories"),
        Required(dto.RepositoryArn, "repositoryArn", "DescribeRepositories"),
        Required(dto.RegistryId, "registryId", "DescribeRepositories"),
        Required(dto.RepositoryUri, "repositoryUri", "DescribeRepositories"));

    public static ResourceTag ToTag(TagDto dto) => new(
        Required(dto.Key, "tags[].Key", "ListTagsForResource"),
        dto.Value ?? string.Empty);

    public static EcrImage ToImage(ImageDetailDto dto, ValuePool values) => new(
        Required(dto.ImageDigest, "imageDigest", "DescribeImages"),
        dto.ImageTags ?? [],
        FromEpochSeconds(dto.ImagePushedAt ?? throw Missing("imagePushedAt", "DescribeImages")),
        dto.ImageSizeInBytes ?? 0,
        values.Share(dto.ImageManifestMediaType),
        values.Share(dto.ArtifactMediaType),
        string.IsNullOrEmpty(dto.ImageStatus) ? EcrImage.ActiveStatus : values.Share(dto.ImageStatus)!)
    {
        LastRecordedPullTime = dto.LastRecordedPullTime is { } pulled ? FromEpochSeconds(pulled) : null,
        LastArchivedAt = dto.LastArchivedAt is { } archived ? FromEpochSeconds(archived) : null,
    };

    public static ImageStatusChange ToStatusChange(UpdateImageStorageClassResponse response, ImageId sent) => new(
        sent,
        response.ImageId?.ImageDigest ?? sent.Digest,
        Required(response.ImageStatus, "imageStatus", "UpdateImageStorageClass"));

    public static ImageIdentifierDto ToDto(ImageId id) => new(id.Tag, id.Digest);

    public static DeletedImage ToDeleted(ImageIdentifierDto dto) => new(dto.ImageTag, dto.ImageDigest);

    public static ImageManifest ToManifest(ImageDto dto) => new(
        Required(dto.ImageId?.ImageDigest, "images[].imageId.imageDigest", "BatchGetImage"),
        dto.ImageId?.ImageTag,
        dto.ImageManifestMediaType,
        Required(dto.ImageManifest, "images[].imageManifest", "BatchGetImage"));

    /// <summary>Reports a failure against the id that was sent, which ECR echoes back.</summary>
    public static ImageFailure ToFailure(ImageFailureDto dto, IReadOnlyList<ImageId> sent)
    {
        var tag = dto.ImageId?.ImageTag;
        var digest = dto.ImageId?.ImageDigest;
        var id = sent.FirstOrDefault(i => tag is not null && i.Tag == tag)
            ?? sent.FirstOrDefault(i => digest is not null && i.Digest == digest)
            ?? (sent.Count == 1 ? sent[0] : null)
            ?? (tag is not null ? ImageId.ForTag(tag) : ImageId.ForDigest(digest ?? "unknown"));
        return new ImageFailure(id, dto.FailureCode ?? "Unknown", dto.FailureReason ?? string.Empty);
    }

    internal static DateTimeOffset FromEpochSeconds(decimal seconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond));

    private static string Required(string? value, string field, string operation) =>
        string.IsNullOrEmpty(value) ? throw Missing(field, operation) : value;

    private static AwsServiceException Missing(string field, string operation) =>
        InvalidServiceResponse.Create(AwsService.Ecr, operation, HttpStatusCode.OK, $"the field {field} is missing");
}
