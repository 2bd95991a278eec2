namespace EcrUtils.Ecr.Json;

internal sealed record ImageIdentifierDto(string? ImageTag, string? ImageDigest);

internal sealed record ImageFailureDto(ImageIdentifierDto? ImageId, string? FailureCode, string? FailureReason);
