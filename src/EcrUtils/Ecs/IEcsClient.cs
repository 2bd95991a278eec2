namespace EcrUtils.Ecs;

/// <summary>
/// The read-only Amazon ECS operations the in-use check needs. Implementations page through every list and split
/// describe calls at ECS's limits (10 services, 100 tasks a call), so callers see whole answers.
/// </summary>
internal interface IEcsClient
{
    /// <summary>The ARNs of every cluster of the account and region.</summary>
    IAsyncEnumerable<string> ListClustersAsync(CancellationToken cancellationToken);

    /// <summary>The ARNs of the services of a cluster.</summary>
    IAsyncEnumerable<string> ListServicesAsync(string cluster, CancellationToken cancellationToken);

    /// <summary>Describes services; services that ECS reports as failures (e.g. deleted meanwhile) are left out.</summary>
    Task<IReadOnlyList<EcsService>> DescribeServicesAsync(string cluster, IReadOnlyList<string> services, CancellationToken cancellationToken);

    /// <summary>The ARNs of the tasks of a cluster whose desired status is RUNNING (pending and running tasks).</summary>
    IAsyncEnumerable<string> ListRunningTasksAsync(string cluster, CancellationToken cancellationToken);

    /// <summary>Describes tasks; tasks that ECS reports as failures (e.g. gone meanwhile) are left out.</summary>
    Task<IReadOnlyList<EcsTask>> DescribeTasksAsync(string cluster, IReadOnlyList<string> tasks, CancellationToken cancellationToken);

    /// <summary>Describes a task definition (family:revision or ARN).</summary>
    Task<EcsTaskDefinition> DescribeTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken);
}
