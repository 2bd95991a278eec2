namespace EcrUtils.Ecr.Json;

internal sealed record BatchGetImageRequest(
    string? RegistryId,
    string RepositoryName,
    IReadOnlyList<ImageIdentifierDto> ImageIds,
    IReadOnlyList<string>? AcceptedMediaTypes);

internal sealed record BatchGetImageResponse(IReadOnlyList<ImageDto>? Images, IReadOnlyList<ImageFailureDto>? Failures);

internal sealed record ImageDto(ImageIdentifierDto? ImageId, string? ImageManifest, string? ImageManifestMediaType);
