namespace EcrUtils.Ecs.Json;

// Shapes from the ECS API reference: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Operations.html
internal sealed record ListClustersRequest(string? NextToken, int MaxResults);

internal sealed record ListClustersResponse(IReadOnlyList<string>? ClusterArns, string? NextToken);

internal sealed record ListServicesRequest(string Cluster, string? NextToken, int MaxResults);

internal sealed record ListServicesResponse(IReadOnlyList<string>? ServiceArns, string? NextToken);

internal sealed record DescribeServicesRequest(string Cluster, IReadOnlyList<string> Services);

internal sealed record DescribeServicesResponse(IReadOnlyList<ServiceDto>? Services);

internal sealed record ServiceDto(
    string? ServiceName,
    string? TaskDefinition,
    IReadOnlyList<DeploymentDto>? Deployments,
    IReadOnlyList<DeploymentDto>? TaskSets);

// Deployments and task sets share the two fields the check needs.
internal sealed record DeploymentDto(string? Status, string? TaskDefinition);

internal sealed record ListTasksRequest(string Cluster, string? NextToken, int MaxResults, string DesiredStatus);

internal sealed record ListTasksResponse(IReadOnlyList<string>? TaskArns, string? NextToken);

internal sealed record DescribeTasksRequest(string Cluster, IReadOnlyList<string> Tasks);

internal sealed record DescribeTasksResponse(IReadOnlyList<TaskDto>? Tasks);

internal sealed record TaskDto(string? TaskArn, string? Group, string? TaskDefinitionArn, IReadOnlyList<ContainerDto>? Containers);

internal sealed record ContainerDto(string? Image, string? ImageDigest);

internal sealed record DescribeTaskDefinitionRequest(string TaskDefinition);

internal sealed record DescribeTaskDefinitionResponse(TaskDefinitionDto? TaskDefinition);

internal sealed record TaskDefinitionDto(string? TaskDefinitionArn, IReadOnlyList<ContainerDefinitionDto>? ContainerDefinitions);

internal sealed record ContainerDefinitionDto(string? Image);
