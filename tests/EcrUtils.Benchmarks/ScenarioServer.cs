using EcrUtils.Ecr;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Benchmarks;

/// <summary>
/// The "serve" side of a scenario: the fake ECR seeded with the scenario's registry (and the fake ECS and Lambda with
/// its <see cref="InUseWorkload"/>, if it has one), every call answered after its latency, and throttled beyond the
/// scenario's request quota if it has one.
/// </summary>
internal static class ScenarioServer
{
    public const string Environment = "automation-master";

    /// <summary>Prints the port on the first line, then serves until standard input closes.</summary>
    public static async Task RunAsync(Scenario scenario)
    {
        var ecr = Seed(scenario);
        var (ecs, lambda) = (new FakeEcs(), new FakeLambda());
        if (scenario.InUse is { } workload)
        {
            SeedInUse(workload, ecr, ecs, lambda);
        }

        var rateLimiter = scenario.RateLimit is { } limit ? new ServiceRateLimiter(limit, TimeProvider.System) : null;
        await using var server = new SimulatedEcrServer(ecr, ecs, lambda, TimeSpan.FromMilliseconds(scenario.LatencyMs), rateLimiter);
        var port = await server.StartAsync(CancellationToken.None);
        Console.WriteLine(port);
        await Console.Out.FlushAsync();
        await Console.In.ReadToEndAsync();
    }

    // Straight into the fake's store: pushing one by one checks every image already there, which is quadratic.
    private static FakeEcr Seed(Scenario scenario)
    {
        var ecr = new FakeEcr();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        const string manifest = """{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json"}""";
        for (var r = 0; r < scenario.Repositories; r++)
        {
            var name = $"service-{r:D4}";
            ecr.AddRepository(name, scenario.ByRepositoryTag ? new Dictionary<string, string> { [Scenario.RepositoryTag.Split('=')[0]] = Scenario.RepositoryTag.Split('=')[1] } : null);
            var images = ecr.Repositories[^1].Images;
            for (var i = 0; i < scenario.ImagesPerRepository; i++)
            {
                images.Add(new FakeEcrImage(
                    FakeEcr.Digest($"{name}/{i}"),
                    [$"{Environment}-{i}"],
                    start.AddMinutes(i),
                    50_000_000,
                    FakeEcr.DockerManifestMediaType,
                    manifest,
                    EcrImage.ActiveStatus,
                    null));
            }
        }

        return ecr;
    }

    // Each service runs one task of its own task definition; each function's alias routes to a published version.
    private static void SeedInUse(InUseWorkload workload, FakeEcr ecr, FakeEcs ecs, FakeLambda lambda)
    {
        var repositories = ecr.Repositories;
        string ReferenceTo((int Repository, int Image) image) => $"{repositories[image.Repository].Uri}:{Environment}-{image.Image}";
        for (var c = 0; c < workload.Clusters; c++)
        {
            var cluster = $"cluster-{c}";
            ecs.AddCluster(cluster);
            for (var s = c * workload.ServicesPerCluster; s < (c + 1) * workload.ServicesPerCluster; s++)
            {
                var image = InUseWorkload.ServiceImage(s, repositories.Count);
                var service = $"service-{s:D2}";
                var taskDefinition = ecs.AddTaskDefinition(service, ReferenceTo(image));
                ecs.AddService(cluster, service, ("PRIMARY", taskDefinition));
                ecs.AddTask(cluster, taskDefinition, $"service:{service}", (ReferenceTo(image), FakeEcr.Digest($"{repositories[image.Repository].Name}/{image.Image}")));
            }
        }

        for (var f = 0; f < workload.Functions; f++)
        {
            var function = $"function-{f:D2}";
            var (aliased, latest) = workload.FunctionImages(f, repositories.Count);
            lambda.AddFunction(function, ReferenceTo(aliased));
            lambda.AddAlias(function, "live", lambda.Publish(function, ReferenceTo(latest)));
        }
    }
}
