using System.Text.Json;

namespace EcrUtils.IntegrationTests;

/// <summary>ListEnvironments end to end through ./build.sh against moto: read-only, and what it says agrees with DeleteAllImages.</summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed class ListEnvironmentsTaskTests(MotoServer server) : TaskTest(server)
{
    private static readonly DateTimeOffset s_now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task ListEnvironments_ReportsEachEnvironment_TheStaleOnes_AndTheGitHubOutputs_ChangingNothing()
    {
        await SeedTwoEnvironmentsAsync();
        // The seeded environments were pushed at Start; stale means older than that by 5 days. An abandoned branch: pushed
        // 30 days before Start, never pulled. And one pushed as long ago but pulled yesterday.
        var staleAfter = (int)(s_now - Start).TotalDays + 5;
        await Registry.PushImageAsync("api", ["automation-0ld0ld00-1"], Start.AddDays(-30), sizeInBytes: 2_000_000);
        var pulled = await Registry.PushImageAsync("api", ["automation-pu11ed00-1"], Start.AddDays(-30), sizeInBytes: 3_000_000);
        await Registry.SetLastRecordedPullTimeAsync("api", pulled, s_now.AddDays(-1));
        var before = await Registry.GetStateAsync();
        var output = Path.Combine(Path.GetDirectoryName(ReportPath)!, "github-output");
        await File.WriteAllTextAsync(output, string.Empty);

        var result = await Script.RunAsync(
            ["--target=ListEnvironments", "--all-repositories", $"--stale-after={staleAfter}d", "--in-use-check=off", $"--report={ReportPath}"],
            new Dictionary<string, string?>
            {
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_OUTPUT"] = output,
                ["GITHUB_STEP_SUMMARY"] = Path.Combine(Path.GetDirectoryName(ReportPath)!, "github-summary"),
            });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(before.Repository("api").AllTags, (await Registry.GetStateAsync()).Repository("api").AllTags);
        Assert.Contains("4 environments in 1 repository: 1 stale, 11 MB reclaimable.", result.StandardOutput, StringComparison.Ordinal);
        var outputs = await File.ReadAllTextAsync(output);
        Assert.Contains("""stale-environments=["automation-0ld0ld00"]""", outputs, StringComparison.Ordinal);
        Assert.Contains("""environments=["automation-0ld0ld00","automation-3f2a9c1d","automation-master","automation-pu11ed00"]""", outputs, StringComparison.Ordinal);

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath));
        var environments = report.RootElement.GetProperty("environments").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal(4, environments.Count);
        var master = environments["automation-master"];
        // Five images; the newest also tagged by the branch, so DeleteAllImages of master would delete four.
        Assert.Equal((5, 1, 4, 4_000_000L), (master.GetProperty("images").GetInt32(), master.GetProperty("sharedImages").GetInt32(), master.GetProperty("reclaimableImages").GetInt32(), master.GetProperty("reclaimableBytes").GetInt64()));
        Assert.True(environments["automation-0ld0ld00"].GetProperty("stale").GetBoolean());
        Assert.False(environments["automation-pu11ed00"].GetProperty("stale").GetBoolean());
        Assert.Equal(JsonValueKind.String, environments["automation-pu11ed00"].GetProperty("lastPull").ValueKind);

        // What the listing says tearing master down would reclaim is what DeleteAllImages then deletes.
        var teardown = await RunAsync("--target=DeleteAllImages", "--environment=automation-master", "--all-repositories", "--confirm=automation-master", "--in-use-check=off");
        Assert.True(teardown.ExitCode == 0, teardown.ToString());
        Assert.Contains("4 images deleted, 4 MB reclaimed", teardown.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--environment=automation-master", "pass --environment-pattern=<regex>")]
    [InlineData("--stale-after=abc", "--stale-after=abc is not a duration")]
    [InlineData("--stale-after=0d", "--stale-after=0d is not a duration")]
    [InlineData("--environment-pattern=(", "--environment-pattern '(' is not a valid .NET regular expression")]
    [InlineData("--preview", "--preview has no effect with ListEnvironments")]
    [InlineData("--keep=3", "--keep has no effect with ListEnvironments")]
    public async Task BadArguments_AreUsageErrors(string argument, string message)
    {
        await SeedTwoEnvironmentsAsync();

        var result = await RunAsync("--target=ListEnvironments", "--all-repositories", argument);

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains(message, result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }
}
