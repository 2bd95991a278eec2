using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using EcrUtils.Aws;
using EcrUtils.Connections;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Reporting;
using EcrUtils.Resilience;
using EcrUtils.Results;
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
        var arguments = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            [ArgumentNames.AllRepositories] = ["true"],
            [ArgumentNames.MaxParallel] = [scenario.MaxParallel.ToString(CultureInfo.InvariantCulture)],
        };
        if (scenario.Task != nameof(EcrTask.ListEnvironments))
        {
            arguments[ArgumentNames.Environment] = [ScenarioServer.Environment];
            arguments[ArgumentNames.Keep] = [Scenario.Keep.ToString(CultureInfo.InvariantCulture)];
        }
        if (scenario.ByRepositoryTag)
        {
            arguments[ArgumentNames.RepositoryTag] = [Scenario.RepositoryTag];
        }

        if (scenario.Archive)
        {
            arguments[ArgumentNames.Archive] = ["true"];
        }

        var options = EcrOptionsParser.Parse(arguments);
        // ECS and Lambda (the in-use check) are served on the same port as ECR.
        var connection = AwsConnection.Create(new AwsConnectionOptions
        {
            Region = FakeEcr.Region,
            GetEnvironmentVariable = name => name is AwsEnvironmentVariables.EcrEndpointUrl
                or AwsEnvironmentVariables.EcsEndpointUrl or AwsEnvironmentVariables.LambdaEndpointUrl ? endpoint : null,
            Credentials = new BasicAWSCredentials(FakeEcr.AccessKeyId, "fake-secret-key"),
            // The settings a run of the build host derives from the same options.
            Pipeline = EcrResilience.Create(
                new EcrRetrySettings
                {
                    MaxRetryAttempts = options.MaxRetries,
                    AttemptTimeout = options.RequestTimeout,
                    MaxConcurrentRequests = options.MaxParallel,
                },
                TimeProvider.System,
                stopSending: cancellationToken),
        });
        var client = connection.CreateEcrClient();
        var inUseCollector = scenario.InUse is null ? null : connection.CreateInUseCollector(options.EcsClusters);

        // One untimed call first (the first page of one repository's images), so that JIT compilation of the client,
        // signing, pipeline and JSON reading is not measured; the calls are counted from after it.
        await foreach (var _ in client.DescribeImagesAsync(null, "service-0000", cancellationToken))
        {
            break;
        }

        if (inUseCollector is not null)
        {
            // The same for the ECS and Lambda clients: one list each, which fits in one page.
            await foreach (var _ in connection.CreateEcsClient().ListClustersAsync(cancellationToken))
            {
            }

            await foreach (var _ in connection.CreateLambdaClient().ListFunctionsAsync(cancellationToken))
            {
            }
        }

        using var stats = new HttpClient { BaseAddress = new Uri(endpoint) };

        // The warm-up stopped after one page; the request for the next that it cancelled is counted on arrival, if it
        // arrived: give it time to, so that it is not counted among the run's calls.
        await Task.Delay(TimeSpan.FromMilliseconds(2 * Math.Max(scenario.LatencyMs, 10)), cancellationToken);
        if (scenario.RateLimit is { } limit)
        {
            // The warm-up took a token: the run starts with full buckets, as the rate bound assumes.
            await Task.Delay(TimeSpan.FromSeconds(2.0 / limit.RequestsPerSecond), cancellationToken);
        }

        var before = await StatsAsync(stats, cancellationToken);
        var callsBefore = await CallsByOperationAsync(stats, cancellationToken);
        var folder = Directory.CreateTempSubdirectory("ecrutils-benchmark-");
        try
        {
            var watch = Stopwatch.StartNew();
            if (scenario.Task == nameof(EcrTask.GetLatestImages))
            {
                await new GetLatestImagesOperation(client).RunAsync(options, cancellationToken);
            }
            else if (scenario.Task == nameof(EcrTask.ListEnvironments))
            {
                // As the host runs it: the run's result, with its report following it on disk.
                var run = new RunResult(EcrTask.ListEnvironments, options, TimeProvider.System);
                ReportWriter.Start(Path.Combine(folder.FullName, "report.json"), run);
                run.EnvironmentsFound(await new ListEnvironmentsOperation(client, run, inUseCollector).RunAsync(options, cancellationToken));
            }
            else
            {
                // As the host runs it: the run's result, with its report following it on disk.
                var run = new RunResult(EcrTask.DeleteOldestImages, options, TimeProvider.System);
                ReportWriter.Start(Path.Combine(folder.FullName, "report.json"), run);
                await new DeleteImagesOperation(client, run, inUseCollector).RunAsync(options, EcrTask.DeleteOldestImages, cancellationToken);
            }

            watch.Stop();
            var after = await StatsAsync(stats, cancellationToken);
            if (after.ImagesLeft != scenario.ExpectedImagesLeft)
            {
                throw new InvalidOperationException(
                    $"{scenario.Name}: {after.ImagesLeft} images are left instead of {scenario.ExpectedImagesLeft}; the run did not do all it planned (see its output above).");
            }

            if (scenario.RateLimit is null)
            {
                await ReportCallsBeyondBoundAsync(scenario, callsBefore, await CallsByOperationAsync(stats, cancellationToken));
            }

            using var process = Process.GetCurrentProcess();
            var served = after.Served - before.Served;
            return new ScenarioResult(
                scenario,
                after.Calls - before.Calls,
                watch.Elapsed,
                process.PeakWorkingSet64,
                after.ImagesLeft,
                after.Throttled - before.Throttled,
                served > 0 ? (after.ServedMs - before.ServedMs) / served : 0);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // The table checks the total; this names the operation that made it differ.
    private static async Task ReportCallsBeyondBoundAsync(
        Scenario scenario, IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after)
    {
        var bound = scenario.LowerBoundCallsByOperation.ToDictionary(c => c.Operation, c => c.Calls, StringComparer.Ordinal);
        foreach (var operation in after.Keys.Union(bound.Keys).Order(StringComparer.Ordinal))
        {
            var calls = after.GetValueOrDefault(operation) - before.GetValueOrDefault(operation);
            if (calls != bound.GetValueOrDefault(operation))
            {
                await Console.Error.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture, $"{scenario.Name}: {calls} calls of {operation}, lower bound {bound.GetValueOrDefault(operation)}."));
            }
        }
    }

    private static async Task<Dictionary<string, int>> CallsByOperationAsync(HttpClient stats, CancellationToken cancellationToken) =>
        (await stats.GetStringAsync(new Uri("calls", UriKind.Relative), cancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => int.Parse(parts[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static async Task<ServerStats> StatsAsync(HttpClient stats, CancellationToken cancellationToken)
    {
        var parts = (await stats.GetStringAsync(new Uri("stats", UriKind.Relative), cancellationToken)).Split(' ');
        return new ServerStats(
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            int.Parse(parts[1], CultureInfo.InvariantCulture),
            int.Parse(parts[2], CultureInfo.InvariantCulture),
            long.Parse(parts[3], CultureInfo.InvariantCulture),
            double.Parse(parts[4], CultureInfo.InvariantCulture));
    }

    private sealed record ServerStats(int Calls, int ImagesLeft, int Throttled, long Served, double ServedMs);
}
