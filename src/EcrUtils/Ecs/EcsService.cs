namespace EcrUtils.Ecs;

/// <summary>An ECS service and the task definitions its live deployments (PRIMARY and ACTIVE) run.</summary>
/// <param name="Name">The service name.</param>
/// <param name="TaskDefinitions">The task definition ARNs of its PRIMARY and ACTIVE deployments and task sets.</param>
internal sealed record EcsService(string Name, IReadOnlyList<string> TaskDefinitions);
