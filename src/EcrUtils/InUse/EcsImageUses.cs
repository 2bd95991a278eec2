using EcrUtils.Ecr;
using EcrUtils.Ecs;

namespace EcrUtils.InUse;

/// <summary>
/// Reads the images ECS uses: the task definitions of every service's live deployments (PRIMARY and ACTIVE), so that
/// a scale-out or a rollback finds its image, and the containers of every running task, with the digest ECS resolved.
/// </summary>
internal sealed class EcsImageUses(IEcsClient client)
{
    private const string ClusterNotFound = "ClusterNotFoundException";

    private readonly Dictionary<string, EcsTaskDefinition> _taskDefinitions = new(StringComparer.Ordinal);

    public async Task<InUseImages> ReadAsync(IReadOnlyList<string> clusters, CancellationToken cancellationToken)
    {
        var clusterIds = clusters.Count > 0 ? clusters : await ToListAsync(client.ListClustersAsync(cancellationToken)).ConfigureAwait(false);
        List<ImageUse> uses = [];
        var services = 0;
        var tasks = 0;
        var read = 0;
        foreach (var cluster in clusterIds)
        {
            try
            {
                (var clusterServices, var clusterTasks) = await ReadClusterAsync(uses, cluster, cancellationToken).ConfigureAwait(false);
                (services, tasks, read) = (services + clusterServices, tasks + clusterTasks, read + 1);
            }
            catch (EcrException ex) when (clusters.Count == 0 && ex.ErrorCode == ClusterNotFound)
            {
                // Deleted since it was listed: it runs nothing any more. A cluster given by name must exist, though.
                continue;
            }
        }

        return new InUseImages(uses, read, services, tasks, 0);
    }

    private async Task<(int Services, int Tasks)> ReadClusterAsync(List<ImageUse> uses, string cluster, CancellationToken cancellationToken)
    {
        var name = ShortName(cluster);
        var serviceArns = await ToListAsync(client.ListServicesAsync(cluster, cancellationToken)).ConfigureAwait(false);
        var services = await client.DescribeServicesAsync(cluster, serviceArns, cancellationToken).ConfigureAwait(false);
        foreach (var service in services)
        {
            foreach (var taskDefinition in service.TaskDefinitions)
            {
                await AddTaskDefinitionAsync(uses, taskDefinition, $"{name}/{service.Name}", cancellationToken).ConfigureAwait(false);
            }
        }

        var taskArns = await ToListAsync(client.ListRunningTasksAsync(cluster, cancellationToken)).ConfigureAwait(false);
        var tasks = await client.DescribeTasksAsync(cluster, taskArns, cancellationToken).ConfigureAwait(false);
        foreach (var task in tasks)
        {
            var usedBy = $"{name}/{TaskUser(task)}";
            AddContainers(uses, task, usedBy);
            if (task.TaskDefinition is { Length: > 0 } taskDefinition)
            {
                await AddTaskDefinitionAsync(uses, taskDefinition, usedBy, cancellationToken).ConfigureAwait(false);
            }
        }

        return (services.Count, tasks.Count);
    }

    private static void AddContainers(List<ImageUse> uses, EcsTask task, string usedBy)
    {
        foreach (var container in task.Containers)
        {
            if (!ImageReference.TryParse(container.Image, out var reference))
            {
                continue;
            }

            uses.Add(new ImageUse(reference, usedBy));
            // The digest the task really runs: the tag may have moved to another image since the task started.
            if (ImageReference.IsDigest(container.ImageDigest))
            {
                uses.Add(new ImageUse(reference with { Tag = null, Digest = container.ImageDigest }, usedBy));
            }
        }
    }

    private async Task AddTaskDefinitionAsync(List<ImageUse> uses, string taskDefinition, string usedBy, CancellationToken cancellationToken)
    {
        if (!_taskDefinitions.TryGetValue(taskDefinition, out var definition))
        {
            definition = await client.DescribeTaskDefinitionAsync(taskDefinition, cancellationToken).ConfigureAwait(false);
            _taskDefinitions[taskDefinition] = definition;
        }

        foreach (var image in definition.Images)
        {
            if (ImageReference.TryParse(image, out var reference))
            {
                uses.Add(new ImageUse(reference, usedBy));
            }
        }
    }

    // A service's tasks are in group "service:NAME"; other tasks are named by their group (e.g. "family:job") or id.
    private static string TaskUser(EcsTask task) =>
        task.Group is { Length: > 0 } group
            ? group.StartsWith("service:", StringComparison.Ordinal) ? group["service:".Length..] : group
            : "task " + ShortName(task.Arn);

    // arn:aws:ecs:REGION:ACCOUNT:cluster/NAME -> NAME; a name stays a name.
    private static string ShortName(string arnOrName) => arnOrName[(arnOrName.LastIndexOf('/') + 1)..];

    private static async Task<List<string>> ToListAsync(IAsyncEnumerable<string> items)
    {
        List<string> list = [];
        await foreach (var item in items.ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }
}
