namespace EcrUtils.Ecs;

/// <summary>A task of a cluster.</summary>
/// <param name="Arn">The task ARN.</param>
/// <param name="Group">The task group: <c>service:NAME</c> for a service's tasks, else e.g. <c>family:NAME</c>.</param>
/// <param name="TaskDefinition">The task definition ARN.</param>
/// <param name="Containers">The task's containers.</param>
internal sealed record EcsTask(string Arn, string? Group, string? TaskDefinition, IReadOnlyList<EcsContainer> Containers);
