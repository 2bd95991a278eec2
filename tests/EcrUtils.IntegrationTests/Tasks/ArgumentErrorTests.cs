namespace EcrUtils.IntegrationTests;

[Collection(MotoCollectionDefinition.Name)]
public sealed class ArgumentErrorTests(MotoServer server) : TaskTest(server)
{
    [Theory]
    [InlineData("--enviroment=automation-master", "--environment")]
    [InlineData("--keep=0", "--keep")]
    [InlineData("--tag-pattern=^{environment}-(", "--tag-pattern")]
    [InlineData("--tag-pattern={environment}", "anchor it at both ends, e.g. --tag-pattern='^{environment}$'")]
    [InlineData("--confirm=", "--confirm=")]
    [InlineData("-preview", "two dashes")]
    [InlineData("--target=DeleteOldestImage", "There is no task 'DeleteOldestImage'. Did you mean DeleteOldestImages?")]
    [InlineData("--all-repositories", "--repository")]
    public async Task BadArguments_AreUsageErrors_AndDeleteNothing(string argument, string named)
    {
        await SeedTwoEnvironmentsAsync();
        string[] arguments = argument.StartsWith("--enviroment", StringComparison.Ordinal)
            ? ["--target=DeleteOldestImages", argument, "--repository=api"]
            : ["--target=DeleteOldestImages", "--environment=automation-master", "--repository=api", argument];

        var result = await RunAsync(arguments);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(named, result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(8, (await Registry.GetStateAsync()).Repository("api").AllTags.Count);
    }

    [Theory]
    [InlineData("GetLatestImages", "--registry-id=210987654321", "the registry asked does not hold it")]
    [InlineData("GetLatestImages", "--exclude-repository=api", "--exclude-repository leaves it out")]
    [InlineData("DeleteOldestImages", "--repository-pattern=^zzz", "it does not match --repository-pattern")]
    public async Task NamedRepository_ThatTheScopeLeavesOut_IsAUsageError_NotAnEmptyRun(string task, string filter, string why)
    {
        await SeedTwoEnvironmentsAsync();

        var result = await RunAsync($"--target={task}", "--environment=automation-master", "--repository=api", filter);

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains($"--repository names api, but {why}", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(8, (await Registry.GetStateAsync()).Repository("api").AllTags.Count);
    }

    [Fact]
    public async Task EnvironmentWithNoRoomForATagSuffix_IsAUsageError()
    {
        await SeedTwoEnvironmentsAsync();

        var result = await RunAsync("--target=GetLatestImages", "--environment=" + new string('a', 127), "--repository=api");

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains("128-character limit", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageError_IsPlainText_WhenTheOutputIsNoTerminal()
    {
        var result = await Script.RunAsync(["--target=DeleteOldestImage"]);

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.StartsWith("Error: There is no task 'DeleteOldestImage'.", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorInsideATask_IsPlainText_CakesOwnLineIncluded_WhenTheOutputIsNoTerminal()
    {
        var result = await Script.RunAsync(["--target=DeleteOldestImages", "--repository=api"]);

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.StartsWith("An error occurred when executing task 'DeleteOldestImages'.", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Error: --environment is required", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsEveryTask_AndTheToolsOwnArguments()
    {
        var result = await Script.RunAsync(["--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var expected in new[] { "--verbosity", "GetLatestImages", "DeleteAllImages", "Benchmark", "--environment=NAME", "--keep=N", "--in-use-check=on|off", "--sandbox" })
        {
            Assert.Contains(expected, result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Version_PrintsTheVersion_AndRunsNoTask()
    {
        var result = await Script.RunAsync(["--version"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^\d+\.\d+\.\d+", result.StandardOutput.Trim());
        Assert.DoesNotContain("DeleteOldestImages", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoRegion_IsAUsageError()
    {
        var result = await Script.RunAsync(
            ["--target=GetLatestImages", "--environment=automation-master", "--repository=api"],
            new Dictionary<string, string?> { ["AWS_REGION"] = null, ["AWS_DEFAULT_REGION"] = null, ["AWS_CONFIG_FILE"] = "/nonexistent", ["AWS_EC2_METADATA_DISABLED"] = "true" });

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("region", result.StandardError + result.StandardOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task NoTarget_ListsTheTasks()
    {
        var result = await Script.RunAsync([]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("DeleteOldestImages", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Benchmark", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("--environment", result.StandardOutput, StringComparison.Ordinal);
    }
}
