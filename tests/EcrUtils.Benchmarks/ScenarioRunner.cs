using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using EcrUtils.Aws;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Reporting;
using EcrUtils.Resilience;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Benchmarks;

/// <summary>
/// Runs one scenario with the production client (endpoint override, SigV4 signing, resilience pipeline, sockets) against
/// the fake ECR served from another process on 127.0.0.1, so that only the client's work is in the measured process.
/// </summary>
internal static class ScenarioRunner
{
    public static async Task<ScenarioResult> RunAsync(int index, CancellationToken cancellationToken)
    {
        var scenario = Scenario.All[index];
        using var server = Process.Start(ChildProcess.StartInfo("serve", index.ToString(CultureInfo.InvariantCulture), redirectInput: true))!;
        try
        {
            var port = int.Parse(await server.StandardOutput.ReadLineAsync(cancellationToken) ?? throw new InvalidOperationException(
                "The simulated ECR exited before it printed its port; its error output is above."), CultureInfo.InvariantCulture);
            var endpoint = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/");
            return await MeasureAsync(scenario, endpoint, cancellationToken);
        }
        finally
        {
            server.StandardInput.Close();
            await server.WaitForExitAsync(cancellationToken);
        }
    }

    private static async Task<ScenarioResult> MeasureAsync(Scenario scenario, string endpoint, CancellationToken cancellationToken)
    {
        var options = EcrOptionsParser.Parse(new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            [ArgumentNames.Environment] = [ScenarioServer.Environment],
            [ArgumentNames.AllRepositories] = ["true"],
            [ArgumentNames.MaxParallel] = [scenario.MaxParallel.ToString(CultureInfo.InvariantCulture)],
            [ArgumentNames.Keep] = [Scenario.Keep.ToString(CultureInfo.InvariantCulture)],
        });
        var client = EcrClientFactory.Create(new EcrClientOptions
        {
            Region = FakeEcr.Region,
            GetEnvironmentVariable = name => name == AwsEnvironmentVariables.EcrEndpointUrl ? endpoint : null,
            Credentials = new BasicAWSCredentials(FakeEcr.AccessKeyId, "fake-secret-key"),
            // The settings a run of the build host derives from the same options.
            Pipeline = EcrResilience.Create(
                new EcrRetrySettings
                {
                    MaxRetryAttempts = options.MaxRetries,
                    AttemptTimeout = options.RequestTimeout,
                    MaxConcurrentRequests = options.MaxParallel,
                },
                TimeProvider.System),
        });

        // One untimed call first (the first page of one repository's images), so that JIT compilation of the client,
        // signing, pipeline and JSON reading is not measured; the calls are counted from after it.
        await foreach (var _ in client.DescribeImagesAsync(null, "service-0000", cancellationToken))
        {
            break;
        }

        using var stats = new HttpClient { BaseAddress = new Uri(endpoint) };
        if (scenario.RateLimit is { } limit)
        {
            // The warm-up took a token: the run starts with full buckets, as the rate bound assumes.
            await Task.Delay(TimeSpan.FromSeconds(2.0 / limit.RequestsPerSecond), cancellationToken);
        }

        var (callsBefore, _, throttledBefore) = await StatsAsync(stats, cancellationToken);
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
            var (callsAfter, left, throttledAfter) = await StatsAsync(stats, cancellationToken);
            if (left != scenario.ExpectedImagesLeft)
            {
                throw new InvalidOperationException(
                    $"{scenario.Name}: {left} images are left instead of {scenario.ExpectedImagesLeft}; the run did not do all it planned (see its output above).");
            }

            using var process = Process.GetCurrentProcess();
            return new ScenarioResult(
                scenario, callsAfter - callsBefore, watch.Elapsed, process.PeakWorkingSet64, left, throttledAfter - throttledBefore);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int Calls, int ImagesLeft, int Throttled)> StatsAsync(HttpClient stats, CancellationToken cancellationToken)
    {
        var parts = (await stats.GetStringAsync(new Uri("stats", UriKind.Relative), cancellationToken)).Split(' ');
        return (
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            int.Parse(parts[1], CultureInfo.InvariantCulture),
            int.Parse(parts[2], CultureInfo.InvariantCulture));
    }
}
