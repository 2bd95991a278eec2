using EcrUtils.Aws;
using EcrUtils.Ecs;

namespace EcrUtils.InUse;

/// <summary>
/// Reads the images ECS uses: the task definitions of every service's live deployments (PRIMARY and ACTIVE), so that
/// a scale-out or a rollback finds its image, and the containers of every running task, with the digest ECS resolved.
/// </summary>
/// <remarks>
/// The clusters are read at once, each cluster's services and tasks at once, and then every task definition they name,
/// once each and at once: a round trip per task definition, one after the other, was most of the check's time.
/// </remarks>
internal sealed class EcsImageUses(IEcsClient client)
{
    private const string ClusterNotFound = "ClusterNotFoundException";

    public async Task<InUseImages> ReadAsync(IReadOnlyList<string> clusters, CancellationToken cancellationToken)
    {
        var clusterIds = clusters.Count > 0 ? clusters : await ToListAsync(client.ListClustersAsync(cancellationToken)).ConfigureAwait(false);
        var read = await ConcurrentReads.ReadAllAsync(
            clusterIds,
            async (cluster, token) =>
            {
                try
                {
                    return await ReadClusterAsync(cluster, token).ConfigureAwait(false);
                }
                catch (AwsServiceException ex) when (clusters.Count == 0 && ex.ErrorCode == ClusterNotFound)
                {
                    // Deleted since it was listed: it runs nothing any more. A cluster given by name must exist, though.
                    return null;
                }
            },
            cancellationToken).ConfigureAwait(false);
        var found = read.OfType<ClusterWorkloads>().ToList();

        // Each task definition once, however many services and tasks name it.
        // In the order reading one cluster after the other met them: a cluster's services, then its tasks.
        List<string> names = [.. found.SelectMany(TaskDefinitionsOf).Distinct(StringComparer.Ordinal)];
        var described = await ConcurrentReads.ReadAllAsync(names, client.DescribeTaskDefinitionAsync, cancellationToken).ConfigureAwait(false);
        var definitions = new Dictionary<string, EcsTaskDefinition>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            definitions[names[i]] = described[i];
        }

        List<ImageUse> uses = [];
        foreach (var cluster in found)
        {
            var name = ShortName(cluster.Id);
            foreach (var service in cluster.Services)
            {
                foreach (var taskDefinition in service.TaskDefinitions)
                {
                    AddTaskDefinition(uses, definitions[taskDefinition], $"{name}/{service.Name}");
                }
            }

            foreach (var task in cluster.Tasks)
            {
                var usedBy = $"{name}/{TaskUser(task)}";
                AddContainers(uses, task, usedBy);
                if (task.TaskDefinition is { Length: > 0 } taskDefinition)
                {
                    AddTaskDefinition(uses, definitions[taskDefinition], usedBy);
                }
            }
        }

        return new InUseImages(uses, found.Count, found.Sum(c => c.Services.Count), found.Sum(c => c.Tasks.Count), 0);
    }

    private static IEnumerable<string> TaskDefinitionsOf(ClusterWorkloads cluster) =>
        cluster.Services.SelectMany(s => s.TaskDefinitions)
            .Concat(cluster.Tasks.Select(t => t.TaskDefinition ?? string.Empty).Where(t => t.Length > 0));

    private async Task<ClusterWorkloads> ReadClusterAsync(string cluster, CancellationToken cancellationToken)
    {
        var (services, tasks) = await ConcurrentReads.ReadBothAsync(
            token => ReadServicesAsync(cluster, token),
            token => ReadTasksAsync(cluster, token),
            cancellationToken).ConfigureAwait(false);
        return new ClusterWorkloads(cluster, services, tasks);
    }

    private async Task<IReadOnlyList<EcsService>> ReadServicesAsync(string cluster, CancellationToken cancellationToken)
    {
        var serviceArns = await ToListAsync(client.ListServicesAsync(cluster, cancellationToken)).ConfigureAwait(false);
        return await client.DescribeServicesAsync(cluster, serviceArns, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<EcsTask>> ReadTasksAsync(string cluster, CancellationToken cancellationToken)
    {
        var taskArns = await ToListAsync(client.ListRunningTasksAsync(cluster, cancellationToken)).ConfigureAwait(false);
        return await client.DescribeTasksAsync(cluster, taskArns, cancellationToken).ConfigureAwait(false);
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

    private static void AddTaskDefinition(List<ImageUse> uses, EcsTaskDefinition definition, string usedBy)
    {
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

    private sealed record ClusterWorkloads(string Id, IReadOnlyList<EcsService> Services, IReadOnlyList<EcsTask> Tasks);
}
