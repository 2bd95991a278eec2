using EcrUtils.Ecs;
using EcrUtils.Lambda;

namespace EcrUtils.Benchmarks;

/// <summary>
/// What ECS and Lambda run in a scenario with the in-use check on, all of it images of the scenario's registry, the
/// oldest ones, so that the check has something to protect: <paramref name="Clusters"/> clusters of
/// <paramref name="ServicesPerCluster"/> services, each service with a task definition of its own and one running
/// task; <paramref name="Functions"/> Lambda functions, each with an alias on a published version and another image
/// on <c>$LATEST</c>. Every list fits in one page.
/// </summary>
internal sealed record InUseWorkload(int Clusters, int ServicesPerCluster, int Functions)
{
    // ListClusters -> ListServices -> DescribeServices -> DescribeTaskDefinition, and ListFunctions -> ListAliases ->
    // GetFunction of the aliased version: each call needs the answer of the one before.
    private const int EcsChain = 4;
    private const int LambdaChain = 3;

    public int Services => Clusters * ServicesPerCluster;

    /// <summary>
    /// The reads the check cannot do without: ECS lists the clusters, then per cluster its services, their
    /// descriptions (10 a call), its running tasks and theirs (100 a call), and each distinct task definition once;
    /// Lambda lists the functions (50 a page), then per function <c>$LATEST</c>, the aliases and the aliased version.
    /// </summary>
    public IReadOnlyList<(string Operation, int Calls)> CallsByOperation =>
    [
        (EcsOperation.ListClusters, 1),
        (EcsOperation.ListServices, Clusters),
        (EcsOperation.DescribeServices, Clusters * Chunks(ServicesPerCluster, 10)),
        (EcsOperation.ListTasks, Clusters),
        (EcsOperation.DescribeTasks, Clusters * Chunks(ServicesPerCluster, 100)),
        (EcsOperation.DescribeTaskDefinition, Services),
        (LambdaOperation.ListFunctions, Math.Max(1, Chunks(Functions, 50))),
        (LambdaOperation.GetFunction, 2 * Functions),
        (LambdaOperation.ListAliases, Functions),
    ];

    public int Calls => CallsByOperation.Sum(c => c.Calls);

    /// <summary>The check's longest chain of calls that each need the previous one's answer.</summary>
    public int LongestChain => Math.Max(Clusters > 0 ? EcsChain : 1, Functions > 0 ? LambdaChain : 1);

    /// <summary>Service <paramref name="service"/>'s image: the services take the oldest images, a row of repositories at a time.</summary>
    public static (int Repository, int Image) ServiceImage(int service, int repositories) => (service % repositories, service / repositories);

    /// <summary>The images of function <paramref name="function"/>'s aliased version and of its <c>$LATEST</c>: the next oldest after the services'.</summary>
    public ((int Repository, int Image) Aliased, (int Repository, int Image) Latest) FunctionImages(int function, int repositories)
    {
        var image = Chunks(Services, repositories) + 2 * (function / repositories);
        return ((function % repositories, image), (function % repositories, image + 1));
    }

    /// <summary>Every image that something runs.</summary>
    public IReadOnlySet<(int Repository, int Image)> ImagesInUse(int repositories)
    {
        var images = Enumerable.Range(0, Services).Select(s => ServiceImage(s, repositories)).ToHashSet();
        for (var f = 0; f < Functions; f++)
        {
            var (aliased, latest) = FunctionImages(f, repositories);
            images.Add(aliased);
            images.Add(latest);
        }

        return images;
    }

    private static int Chunks(int items, int size) => (items + size - 1) / size;
}
