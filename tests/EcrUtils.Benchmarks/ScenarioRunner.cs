using System.Diagnostics;
using System.Globalization;
using EcrUtils.Ecr;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Reporting;
using EcrUtils.Resilience;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Benchmarks;

/// <summary>Runs one scenario against the in-process fake ECR, each call delayed by the scenario's latency.</summary>
internal static class ScenarioRunner
{
    private const string Environment = "automation-master";

    public static async Task<ScenarioResult> RunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        var ecr = Seed(scenario);
        var latency = TimeSpan.FromMilliseconds(scenario.LatencyMs);
        if (latency > TimeSpan.Zero)
        {
            ecr.BeforeCall = call => new ValueTask(Task.Delay(latency, CancellationToken.None));
        }

        var options = EcrOptionsParser.Parse(new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            [ArgumentNames.Environment] = [Environment],
            [ArgumentNames.AllRepositories] = ["true"],
            [ArgumentNames.MaxParallel] = [scenario.MaxParallel.ToString(CultureInfo.InvariantCulture)],
            [ArgumentNames.Keep] = [Scenario.Keep.ToString(CultureInfo.InvariantCulture)],
        });
        var pipeline = EcrResilience.Create(new EcrRetrySettings { MaxConcurrentRequests = scenario.MaxParallel }, TimeProvider.System);
        var client = ecr.CreateClient(pipeline);
        var folder = Directory.CreateTempSubdirectory("ecrutils-benchmark-");
        try
        {
            var watch = Stopwatch.StartNew();
            if (scenario.Task == nameof(EcrTask.GetLatestImages))
            {
                await new GetLatestImagesOperation(client).RunAsync(options, cancellationToken);
            }
            else
            {
                var report = new ReportWriter(Path.Combine(folder.FullName, "report.json"), EcrTask.DeleteOldestImages, options, TimeProvider.System);
                await new DeleteImagesOperation(client, report).RunAsync(options, EcrTask.DeleteOldestImages, cancellationToken);
            }

            watch.Stop();
            var left = ecr.Repositories.Sum(r => r.Images.Count);
            using var process = Process.GetCurrentProcess();
            return new ScenarioResult(scenario, ecr.Calls.Count, watch.Elapsed, process.PeakWorkingSet64, left);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
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
            ecr.AddRepository(name);
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
}
