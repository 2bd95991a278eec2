namespace EcrUtils.IntegrationTests;

/// <summary>
/// ListEnvironments' way to the workflow's outputs: each registry's run keeps the tool's outputs in a file, and the
/// environments job merges the files, laid out as download-artifact lays them out (one folder per artifact).
/// </summary>
public sealed class EcrImagesEnvironmentsMergeTests : IDisposable
{
    private const string EuWest = "eu-west-1-111111111111";
    private const string UsEast = "us-east-1-222222222222";

    private const string TwoRegistries = $$"""
        [{"name": "{{EuWest}}", "region": "eu-west-1", "role": "arn:aws:iam::111111111111:role/r"},
         {"name": "{{UsEast}}", "region": "us-east-1", "role": "arn:aws:iam::222222222222:role/r"}]
        """;

    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("ecrutils-environments-");
    private readonly StepRunner _runner;

    public EcrImagesEnvironmentsMergeTests() => _runner = new StepRunner(_workspace.FullName);

    /// <summary>Where the keep step writes a registry's environments, in the job's workspace.</summary>
    private string KeptFile => Path.Combine(_workspace.FullName, EcrImagesWorkflow.KeepEnvironments.Job.Env["ENVIRONMENTS_PATH"]);

    public void Dispose()
    {
        _runner.Dispose();
        _workspace.Delete(recursive: true);
    }

    [Fact]
    public async Task Merge_ListsEveryEnvironmentOnce_SortedOnOneLine()
    {
        await KeepAsync(EuWest, """["automation-master","automation-3f2a9c1d"]""", "[]");
        await KeepAsync(UsEast, """["automation-master","automation-feature-x"]""", "[]");

        var result = await MergeAsync(TwoRegistries);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""["automation-3f2a9c1d","automation-feature-x","automation-master"]""", result.Output("environments"));
        Assert.Equal("[]", result.Output("stale-environments"));
    }

    [Fact]
    public async Task Merge_ListsAsStale_TheEnvironmentsStaleInEveryRegistryThatHoldsThem()
    {
        await KeepAsync(EuWest, """["automation-3f2a9c1d","automation-feature-x","automation-master"]""", """["automation-feature-x","automation-3f2a9c1d"]""");
        await KeepAsync(UsEast, """["automation-feature-x","automation-master","automation-old"]""", """["automation-old","automation-feature-x"]""");

        var result = await MergeAsync(TwoRegistries);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""["automation-3f2a9c1d","automation-feature-x","automation-old"]""", result.Output("stale-environments"));
        Assert.Contains("**4** environments; stale in every registry that holds them: `automation-3f2a9c1d`, `automation-feature-x`, `automation-old`.", result.Summary, StringComparison.Ordinal);
    }

    // The teardown of a stale environment works on every registry: it must not take one that a registry still uses.
    [Fact]
    public async Task Merge_KeepsOffTheStaleList_AnEnvironmentThatAnotherRegistryHoldsFresh()
    {
        await KeepAsync(EuWest, """["automation-3f2a9c1d","automation-master"]""", """["automation-3f2a9c1d"]""");
        await KeepAsync(UsEast, """["automation-3f2a9c1d"]""", "[]");

        var result = await MergeAsync(TwoRegistries);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""["automation-3f2a9c1d","automation-master"]""", result.Output("environments"));
        Assert.Equal("[]", result.Output("stale-environments"));
        Assert.Contains("Stale in some registries but not in all, so not listed as stale: `automation-3f2a9c1d`.", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_Fails_WhenARegistrysEnvironmentsAreMissing()
    {
        await KeepAsync(EuWest, """["automation-master"]""", "[]");

        var result = await MergeAsync(TwoRegistries);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("::error title=Missing environments::Found the environments of 1 registries out of 2", result.Process.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.Outputs);
    }

    [Theory]
    [InlineData("", "[]")]
    [InlineData("""["automation-master"]""", "")]
    [InlineData("automation-master", "[]")]
    [InlineData("""[1]""", "[]")]
    public async Task Keep_Fails_WhenTheToolLeftNoListOfNames(string environments, string staleEnvironments)
    {
        var result = await KeepAsync(EuWest, environments, staleEnvironments);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("::error title=No environments::ListEnvironments left no JSON list of environment names", result.Process.StandardOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(KeptFile), "A file was kept for the merge.");
    }

    /// <summary>Runs the keep step of <paramref name="registry"/>'s run, then puts its file where download-artifact would.</summary>
    private async Task<StepResult> KeepAsync(string registry, string environments, string staleEnvironments)
    {
        var context = EcrImagesWorkflow.Started(EcrImagesWorkflow.Call, EcrImagesWorkflow.OneRegistry, ("task", "ListEnvironments"));
        context["steps.ecr.outputs.environments"] = environments;
        context["steps.ecr.outputs.stale-environments"] = staleEnvironments;

        var result = await _runner.RunAsync(EcrImagesWorkflow.KeepEnvironments, context);

        if (result.ExitCode == 0)
        {
            var folder = Directory.CreateDirectory(Path.Combine(_workspace.FullName, "environments", $"ecr-environments-{registry}"));
            File.Move(KeptFile, Path.Combine(folder.FullName, Path.GetFileName(KeptFile)));
        }

        return result;
    }

    private Task<StepResult> MergeAsync(string registries)
    {
        var context = EcrImagesWorkflow.Started(EcrImagesWorkflow.Call, EcrImagesWorkflow.OneRegistry, ("task", "ListEnvironments"));
        context["needs.plan.outputs.registries"] = registries;
        return _runner.RunAsync(EcrImagesWorkflow.MergeEnvironments, context);
    }
}
