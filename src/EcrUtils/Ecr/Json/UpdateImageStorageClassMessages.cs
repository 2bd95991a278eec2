namespace EcrUtils.Ecr.Json;

// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_UpdateImageStorageClass.html
internal sealed record UpdateImageStorageClassRequest(
    string? RegistryId,
    string RepositoryName,
    ImageIdentifierDto ImageId,
    string TargetStorageClass);

internal sealed record UpdateImageStorageClassResponse(
    string? RegistryId,
    string? RepositoryName,
    ImageIdentifierDto? ImageId,
    string? ImageStatus);
