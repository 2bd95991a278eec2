using System.Text.Json;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// The sweep of stale environments: the step that reads its repository variables, run as a runner runs it, and what
/// then reaches ecr-images.yml and the tool (a stand-in build.sh).
/// </summary>
public sealed class EnvironmentTeardownSweepTests : IDisposable
{
    private const string Pattern = "automation-([0-9a-f]{8}|feature-.+)";

    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("ecrutils-teardown-sweep-");
    private readonly StepRunner _runner;

    public EnvironmentTeardownSweepTests()
    {
        StandInBuildScript.WriteTo(_workspace.FullName);
        _runner = new StepRunner(_workspace.FullName);
    }

    public void Dispose()
    {
        _runner.Dispose();
        _workspace.Delete(recursive: true);
    }

    [Fact]
    public async Task Settings_SweepNothing_WithoutAPattern_AndSaySo()
    {
        var result = await RunAsync(staleAfter: "30d", pattern: string.Empty, teardown: "delete");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(new Dictionary<string, string> { ["sweep"] = "false" }, result.Outputs);
        Assert.Contains("No sweep: the repository variable `ECR_STALE_ENVIRONMENT_PATTERN` is not set.", result.Summary, StringComparison.Ordinal);
        Assert.Contains("so that production is never swept by accident", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_LookFor30DaysStale_AndPreview_WhenOnlyThePatternIsSet()
    {
        var result = await RunAsync(staleAfter: string.Empty, pattern: Pattern, teardown: string.Empty);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            new Dictionary<string, string> { ["sweep"] = "true", ["stale-after"] = "30d", ["environment-pattern"] = Pattern, ["preview"] = "true" },
            result.Outputs);
        Assert.Contains(
            $"Sweep: the environments matching `{Pattern}` that are stale after 30d; their teardown previews (set the repository variable `ECR_STALE_TEARDOWN` to `delete` to delete).",
            result.Summary,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("delete", "false", false)]
    [InlineData("preview", "true", false)]
    [InlineData("", "true", false)]
    [InlineData("Delete", "true", true)]
    [InlineData("yes", "true", true)]
    public async Task Settings_DeleteOnlyWhenTheTeardownVariableIsDelete(string teardown, string preview, bool warned)
    {
        var result = await RunAsync(staleAfter: "14d", pattern: Pattern, teardown: teardown);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(preview, result.Output("preview"));
        Assert.Equal("14d", result.Output("stale-after"));
        Assert.Equal(warned, result.Process.StandardOutput.Contains("::warning title=ECR_STALE_TEARDOWN::", StringComparison.Ordinal));
        Assert.Contains(preview == "true" ? "their teardown previews" : "their teardown deletes, once the `ecr-cleanup` environment approves", result.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4w")]
    [InlineData("30")]
    [InlineData("0d")]
    [InlineData("30d; rm -rf ~")]
    public async Task Settings_RefuseAStaleAfterTheToolWouldRefuse(string staleAfter)
    {
        var result = await RunAsync(staleAfter, Pattern, teardown: "delete");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("::error title=Bad ECR_STALE_AFTER::ECR_STALE_AFTER must be a positive whole number of days or hours", result.Process.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.Outputs);
    }

    [Fact]
    public async Task Settings_RefuseAPatternOfMoreThanOneLine()
    {
        var result = await RunAsync("30d", "automation-.+\nprod", teardown: "delete");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("::error title=Bad ECR_STALE_ENVIRONMENT_PATTERN::", result.Process.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.Outputs);
    }

    [Fact]
    public async Task List_ReachesTheTool_AsAListingOfEveryRepository_WithTheSettings()
    {
        var settings = await RunAsync(staleAfter: "45d", pattern: Pattern, teardown: "delete");
        Assert.True(settings.ExitCode == 0, settings.ToString());
        var context = new ExpressionContext();
        context.AddStepOutputs(EnvironmentTeardownWorkflow.SweepSettings.Id!, settings.Outputs);
        context.AddJobOutputs(EnvironmentTeardownWorkflow.SweepSettings.Job);
        var call = EnvironmentTeardownWorkflow.CallInputs(EnvironmentTeardownWorkflow.File.Job("list"), context);

        var run = EcrImagesWorkflow.Started(EcrImagesWorkflow.Call, EcrImagesWorkflow.OneRegistry, call);
        var tool = Assert.Single(await EcrImagesWorkflow.RunPlanAndToolAsync(_runner, _runner, run));

        Assert.True(tool.ExitCode == 0, tool.ToString());
        Assert.Equal("false", run["needs.plan.outputs.deleting"]);
        Assert.Equal(
            ["--target=ListEnvironments", "--region=us-east-1", "--report=artifacts/ecr-report.json", "--all-repositories", "--stale-after=45d", $"--environment-pattern={Pattern}"],
            StandInBuildScript.Arguments(tool));
    }

    [Theory]
    [InlineData("delete", "true", "")]
    [InlineData("", "false", "|--preview")]
    public async Task Sweep_ReachesTheTool_AsAConfirmedTeardownOfEachStaleEnvironment_PreviewedUnlessDelete(string teardown, string deleting, string preview)
    {
        string[] stale = ["automation-3f2a9c1d", "automation-feature-x"];
        var settings = await RunAsync(staleAfter: "30d", pattern: Pattern, teardown: teardown);
        Assert.True(settings.ExitCode == 0, settings.ToString());
        var context = new ExpressionContext { ["needs.list.outputs.stale-environments"] = JsonSerializer.Serialize(stale) };
        context.AddStepOutputs(EnvironmentTeardownWorkflow.SweepSettings.Id!, settings.Outputs);
        context.AddJobOutputs(EnvironmentTeardownWorkflow.SweepSettings.Job);
        var sweep = EnvironmentTeardownWorkflow.File.Job("sweep");
        // The one input that is no plain reference; EnvironmentTeardownWorkflowTests holds its expression too.
        Assert.Equal("${{ needs.sweep-settings.outputs.preview != 'false' }}", sweep.With["preview"]);
        var previewInput = context["needs.sweep-settings.outputs.preview"] != "false" ? "true" : "false";

        var arguments = new List<string>();
        foreach (var environment in JsonSerializer.Deserialize<string[]>(context["needs.list.outputs.stale-environments"])!)
        {
            var leg = context.Clone();
            leg["matrix.environment"] = environment;
            var call = sweep.With.Where(input => input.Key != "preview").Select(input => (input.Key, leg.Evaluate(input.Value))).Append(("preview", previewInput));
            var run = EcrImagesWorkflow.Started(EcrImagesWorkflow.Call, EcrImagesWorkflow.OneRegistry, [.. call]);
            var tool = Assert.Single(await EcrImagesWorkflow.RunPlanAndToolAsync(_runner, _runner, run));
            Assert.True(tool.ExitCode == 0, tool.ToString());
            Assert.Equal(deleting, run["needs.plan.outputs.deleting"]);
            arguments.Add(string.Join('|', StandInBuildScript.Arguments(tool)));
        }

        Assert.Equal(
            stale.Select(environment =>
                $"--target=DeleteAllImages|--environment={environment}|--region=us-east-1|--report=artifacts/ecr-report.json|--all-repositories|--confirm={environment}|--older-than=30d{preview}"),
            arguments);
    }

    private Task<StepResult> RunAsync(string staleAfter, string pattern, string teardown)
    {
        // GitHub gives an unset variable as an empty string.
        var context = new ExpressionContext
        {
            ["vars.ECR_STALE_AFTER"] = staleAfter,
            ["vars.ECR_STALE_ENVIRONMENT_PATTERN"] = pattern,
            ["vars.ECR_STALE_TEARDOWN"] = teardown,
        };
        return _runner.RunAsync(EnvironmentTeardownWorkflow.SweepSettings, context);
    }
}
