using System.Net;
using EcrUtils.Aws;
using EcrUtils.Ecs.Json;

namespace EcrUtils.Ecs;

/// <summary>
/// Maps ECS's JSON to the check's records. Missing identities are invalid answers rather than defaults: a task whose
/// images cannot be read must stop the check, not be skipped.
/// </summary>
internal static class EcsResponseMapper
{
    // INACTIVE deployments and DRAINING task sets are on their way out; PRIMARY and ACTIVE ones run or may scale out.
    private static readonly HashSet<string> s_liveStatuses = new(StringComparer.OrdinalIgnoreCase) { "PRIMARY", "ACTIVE" };

    public static EcsService ToService(ServiceDto dto)
    {
        var name = Required(dto.ServiceName, "services[].serviceName", EcsOperation.DescribeServices);
        IEnumerable<string?> definitions =
        [
            dto.TaskDefinition,
            .. (dto.Deployments ?? []).Where(IsLive).Select(d => d.TaskDefinition),
            .. (dto.TaskSets ?? []).Where(IsLive).Select(d => d.TaskDefinition),
        ];
        return new EcsService(name, [.. definitions.OfType<string>().Where(d => d.Length > 0).Distinct(StringComparer.Ordinal)]);
    }

    public static EcsTask ToTask(TaskDto dto) => new(
        Required(dto.TaskArn, "tasks[].taskArn", EcsOperation.DescribeTasks),
        dto.Group,
        dto.TaskDefinitionArn,
        [.. (dto.Containers ?? []).Select(c => new EcsContainer(c.Image, c.ImageDigest))]);

    public static EcsTaskDefinition ToTaskDefinition(TaskDefinitionDto? dto, string requested)
    {
        if (dto is null)
        {
            throw Missing("taskDefinition", EcsOperation.DescribeTaskDefinition);
        }

        return new EcsTaskDefinition(
            dto.TaskDefinitionArn ?? requested,
            [.. (dto.ContainerDefinitions ?? []).Select(c => c.Image).OfType<string>().Where(image => image.Length > 0)]);
    }

    private static bool IsLive(DeploymentDto deployment) => deployment.Status is { } status && s_liveStatuses.Contains(status);

    private static string Required(string? value, string field, string operation) =>
        string.IsNullOrEmpty(value) ? throw Missing(field, operation) : value;

    private static AwsServiceException Missing(string field, string operation) =>
        InvalidServiceResponse.Create(AwsService.Ecs, operation, HttpStatusCode.OK, $"the field {field} is missing");
}
