using System.Net;
using System.Net.Sockets;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// A few of the bad-input catalogue's cases (tests/EcrUtils.Tests/BadInput) through ./build.sh, to check the host's side:
/// the exit code, a message that says what to do, and a registry left as it was.
/// </summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed class BadInputScriptTests(MotoServer server) : TaskTest(server)
{
    public static TheoryData<string, int, string> Arguments() => new()
    {
        { "--keeep=5", ExitCodes.UsageError, "did you mean --keep?" },
        { "--max-retries=-1", ExitCodes.UsageError, "--max-retries must be" },
        { "--repository-pattern=^(a+)+$", ExitCodes.UsageError, "Simplify the pattern" },
        { "--repository-tag=Project", ExitCodes.UsageError, "Key=Value" },
    };

    [Theory]
    [MemberData(nameof(Arguments))]
    public async Task BadArgument_EndsWithItsExitCodeAndAdvice_AndDeletesNothing(string argument, int exitCode, string advice)
    {
        await SeedAsync();

        var result = await RunAsync("--target=DeleteOldestImages", "--environment=automation-master", "--all-repositories", argument);

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains(advice, result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task EndpointThatIsNotAUrl_IsAUsageError()
    {
        await SeedAsync();

        var result = await Script.RunAsync(
            ["--target=DeleteAllImages", "--environment=automation-master", "--repository=api", "--confirm=automation-master", $"--report={ReportPath}"],
            new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = "not a url" });

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains("AWS_ENDPOINT_URL must be an absolute http or https URL", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task UnreachableEndpoint_FailsAfterRetries_WithWhatToCheck()
    {
        await SeedAsync();

        var result = await Script.RunAsync(
            ["--target=DeleteOldestImages", "--environment=automation-master", "--repository=api", "--max-retries=1", $"--report={ReportPath}"],
            new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{ClosedPort()}" });

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains("Could not reach the ECR endpoint after retries", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("AWS_ENDPOINT_URL", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        await AssertUnchangedAsync();
    }

    private async Task SeedAsync()
    {
        await SeedTwoEnvironmentsAsync();
        await Registry.CreateRepositoryAsync("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab");
    }

    private async Task AssertUnchangedAsync() =>
        Assert.Equal(8, (await Registry.GetStateAsync()).Repository("api").AllTags.Count);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
