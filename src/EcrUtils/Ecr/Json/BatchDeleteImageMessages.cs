namespace EcrUtils.Ecr.Json;

internal sealed record BatchDeleteImageRequest(string? RegistryId, string RepositoryName, IReadOnlyList<ImageIdentifierDto> ImageIds);

internal sealed record BatchDeleteImageResponse(IReadOnlyList<ImageIdentifierDto>? ImageIds, IReadOnlyList<ImageFailureDto>? Failures);
