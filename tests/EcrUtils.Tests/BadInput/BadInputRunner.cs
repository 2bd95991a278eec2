using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using EcrUtils.Aws;
using EcrUtils.Connections;
using EcrUtils.Ecr;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Resilience;
using EcrUtils.Tests.Fakes;
using EcrUtils.Tests.Operations;

namespace EcrUtils.Tests.BadInput;

/// <summary>
/// Runs an input the way the build host does, in process: parse the arguments, check them for the task, create the
/// client from the options, run the operation, and map the outcome to the documented exit code.
/// </summary>
internal static class BadInputRunner
{
    public static async Task<(int ExitCode, string Message)> RunAsync(BadInput input, FakeEcr ecr, string reportPath)
    {
        EcrOptions options;
        try
        {
            options = EcrOptionsParser.Parse(CakeArguments(input.Arguments));
            options.Validate(input.Task);
        }
        catch (OptionsException ex)
        {
            return (ExitCodes.UsageError, ex.Message);
        }

        var settings = new EcrRetrySettings { MaxRetryAttempts = options.MaxRetries, AttemptTimeout = options.RequestTimeout, MaxConcurrentRequests = options.MaxParallel };
        var time = new FakeTimeDriver(settings.AttemptTimeout);
        var pipeline = EcrResilience.Create(settings, time);
        IEcrClient client;
        try
        {
            client = input.EndpointUrl switch
            {
                null => ecr.CreateClient(pipeline),
                BadInput.UnreachableEndpoint => EcrClientFactory.Create(FakeEcr.Region, new Uri($"http://127.0.0.1:{ClosedPort()}/"), Credentials(), new SocketsHttpHandler(), pipeline),
                var url => EcrClientFactory.Create(new AwsConnectionOptions
                {
                    Region = FakeEcr.Region,
                    GetEnvironmentVariable = name => name == "AWS_ENDPOINT_URL" ? url : null,
                    Pipeline = pipeline,
                    TimeProvider = time,
                }),
            };
        }
        catch (AwsConfigurationException ex)
        {
            return (ExitCodes.UsageError, ex.Message);
        }

        try
        {
            return await time.RunAsync(() => RunOperationAsync(input.Task, options, client, reportPath));
        }
        catch (OperationFailedException ex)
        {
            return (ex.ExitCode, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (ExitCodes.Failure, ex.Message);
        }
    }

    private static async Task<(int ExitCode, string Message)> RunOperationAsync(EcrTask task, EcrOptions options, IEcrClient client, string reportPath)
    {
        if (task == EcrTask.GetLatestImages)
        {
            var latest = await new GetLatestImagesOperation(client).RunAsync(options, CancellationToken.None);
            var missing = latest.Where(r => !r.Found).Select(r => r.Repository.Name).ToList();
            return missing.Count > 0 ? (ExitCodes.MissingImages, $"No image in: {string.Join(", ", missing)}") : (ExitCodes.Success, string.Empty);
        }

        var report = RecordedRun.Start(reportPath, task, options, TimeProvider.System);
        await new DeleteImagesOperation(client, report).RunAsync(options, task, CancellationToken.None);
        var failures = report.Run.Repositories.Where(r => r.HasFailures)
            .Select(r => $"{r.Repository.Name}: {r.Error} {string.Join("; ", r.Problems.Select(p => p.Message))}")
            .ToList();
        return failures.Count > 0 ? (ExitCodes.PartialFailure, string.Join(Environment.NewLine, failures)) : (ExitCodes.Success, string.Empty);
    }

    // As Cake hands them over: names without dashes, a bare switch as "true".
    private static Dictionary<string, IReadOnlyList<string>> CakeArguments(string[] arguments) =>
        arguments
            .Select(a => a.TrimStart('-').Split('=', 2))
            .GroupBy(p => p[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Length > 1 ? p[1] : "true")], StringComparer.OrdinalIgnoreCase);

    private static DeferredCredentials Credentials() => new(
        _ => Task.FromResult<AWSCredentials>(new BasicAWSCredentials(FakeEcr.AccessKeyId, "fake-secret-key")),
        TimeSpan.FromSeconds(30),
        TimeProvider.System);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
