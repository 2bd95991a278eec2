using System.Text.Json.Serialization;

namespace EcrUtils.Ecr.Json;

internal sealed record ListTagsForResourceRequest(string ResourceArn);

internal sealed record ListTagsForResourceResponse(IReadOnlyList<TagDto>? Tags);

// Resource tags are the one place where ECR's JSON uses PascalCase names.
internal sealed record TagDto(
    [property: JsonPropertyName("Key")] string? Key,
    [property: JsonPropertyName("Value")] string? Value);
