namespace EcrUtils.IntegrationTests;

/// <summary>Cake's standard switches and failure handling, through ./build.sh.</summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed class HostSwitchTests(MotoServer server) : TaskTest(server)
{
    [Fact]
    public async Task Description_ListsEveryTask()
    {
        var result = await Script.RunAsync(["--description"]);

        Assert.Equal(0, result.ExitCode);
        foreach (var task in new[] { "GetLatestImages", "DeleteOldestImages", "DeleteAllImages", "Build", "Test" })
        {
            Assert.Contains(task, result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DryRun_ListsTheTasks_AndRunsNone()
    {
        await SeedTwoEnvironmentsAsync();

        var result = await RunAsync("--target=DeleteAllImages", "--environment=automation-master", "--repository=api", "--confirm=automation-master", "--dryrun");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("dry run", result.StandardOutput, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(8, (await Registry.GetStateAsync()).Repository("api").AllTags.Count);
    }

    [Fact]
    public async Task Tree_ShowsDependencies()
    {
        var result = await Script.RunAsync(["--target=Test", "--tree"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Build", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTarget_Fails()
    {
        var result = await Script.RunAsync(["--target=DeleteEverything"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("DeleteEverything", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCredentials_IsAUsageError_WithWhatToDo()
    {
        var result = await Script.RunAsync(
            ["--target=GetLatestImages", "--environment=automation-master", "--repository=api", $"--report={ReportPath}"],
            new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = null,
                ["AWS_SECRET_ACCESS_KEY"] = null,
                ["AWS_EC2_METADATA_DISABLED"] = "true",
            });

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("credentials", result.StandardError + result.StandardOutput, StringComparison.OrdinalIgnoreCase);
    }
}
