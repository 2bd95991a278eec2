namespace EcrUtils.Ecr.Json;

internal sealed record DescribeRepositoriesRequest(
    string? RegistryId,
    IReadOnlyList<string>? RepositoryNames,
    string? NextToken,
    int? MaxResults);

internal sealed record DescribeRepositoriesResponse(IReadOnlyList<RepositoryDto>? Repositories, string? NextToken);

internal sealed record RepositoryDto(string? RepositoryName, string? RepositoryArn, string? RegistryId, string? RepositoryUri);
