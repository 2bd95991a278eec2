using System.Text.RegularExpressions;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// The teardown of a deleted branch's environment: the step that names the environment, run as a runner runs it on a
/// <c>delete</c> event, and what then reaches ecr-images.yml and the tool (a stand-in build.sh).
/// </summary>
public sealed partial class EnvironmentTeardownBranchTests : IDisposable
{
    private const string Template = "automation-{branch}";

    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("ecrutils-teardown-branch-");
    private readonly StepRunner _runner;

    public EnvironmentTeardownBranchTests()
    {
        StandInBuildScript.WriteTo(_workspace.FullName);
        _runner = new StepRunner(_workspace.FullName);
    }

    public void Dispose()
    {
        _runner.Dispose();
        _workspace.Delete(recursive: true);
    }

    [Theory]
    [InlineData("feature/ABC-12_x", Template, "automation-feature-abc-12_x")]
    [InlineData("Main", Template, "automation-main")]
    [InlineData("release/1.2", Template, "automation-release-1.2")]
    [InlineData("fix/Ünïcode", Template, "automation-fix--n-code")]
    [InlineData("refs/heads/Feature/X", Template, "automation-feature-x")]
    [InlineData("feature/x", "{branch}.preview", "feature-x.preview")]
    public async Task Branch_NamesItsEnvironment_WithTheVariable(string branch, string template, string environment)
    {
        var result = await RunAsync(branch, template);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(environment, result.Output("environment"));
        Assert.Contains($"its environment `{environment}` is torn down in every registry", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Branch_NamesTheEnvironments_ThatTheReadmeShows()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "README.md"));
        var section = readme[readme.IndexOf("**On branch delete.**", StringComparison.Ordinal)..];
        var examples = ReadmeExample().Matches(section[..section.IndexOf("\n\n", StringComparison.Ordinal)]);

        Assert.Contains($"`{Template}`", section, StringComparison.Ordinal);
        Assert.True(examples.Count >= 3, $"README's branch examples: {examples.Count}.");
        foreach (Match example in examples)
        {
            var result = await RunAsync(example.Groups["branch"].Value, Template);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(example.Groups["environment"].Value, result.Output("environment"));
        }
    }

    // "automation-feature-" and 107 characters make 126, the longest environment name.
    [Theory]
    [InlineData(107, true)]
    [InlineData(108, false)]
    public async Task Branch_NamesAnEnvironment_OfAtMost126Characters(int length, bool named)
    {
        var branch = "feature/" + new string('x', length);

        var result = await RunAsync(branch, Template);

        Assert.True(named == (result.ExitCode == 0), result.ToString());
        Assert.Equal(named, result.Outputs.ContainsKey("environment"));
        if (!named)
        {
            Assert.Contains(
                $"::error title=Not an environment::ECR_BRANCH_ENVIRONMENT makes 'automation-feature-{new string('x', length)}' (127 characters) of the branch '{branch}'",
                result.Process.StandardOutput,
                StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("automation/{branch}", "'automation/main'")]
    [InlineData("automation {branch}", "'automation main'")]
    public async Task Branch_Fails_WhenTheVariableMakesNoEnvironmentName(string template, string made)
    {
        var result = await RunAsync("main", template);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"::error title=Not an environment::ECR_BRANCH_ENVIRONMENT makes {made}", result.Process.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("letters, digits, _, . and - only, at most 126 characters", result.Process.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.Outputs);
    }

    // Without {branch}, every deleted branch would tear down the same environment.
    [Fact]
    public async Task Branch_Fails_WhenTheVariableHasNoPlaceForTheBranch()
    {
        var result = await RunAsync("feature/x", "automation-master");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("::error title=Bad ECR_BRANCH_ENVIRONMENT::ECR_BRANCH_ENVIRONMENT must hold {branch}", result.Process.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.Outputs);
    }

    [Fact]
    public async Task Branch_NamesNothing_WhenATagIsDeleted()
    {
        var result = await RunAsync("v1.2.0", Template, refType: "tag");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Outputs);
        Assert.Contains("The tag `v1.2.0` was deleted, not a branch: no environment to tear down.", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Branch_NamesNothing_AndSaysSo_WhenTheVariableIsUnset()
    {
        // GitHub gives an unset variable as an empty string.
        var result = await RunAsync("feature/x", string.Empty);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Outputs);
        Assert.Contains("The repository variable `ECR_BRANCH_ENVIRONMENT` is not set, so the deleted branch `feature/x` names no environment", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Branch_NameIsData_NeverRun()
    {
        var result = await RunAsync("x$(touch pwned)`touch pwned`", Template);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("automation-x--touch-pwned--touch-pwned-", result.Output("environment"));
        Assert.False(File.Exists(Path.Combine(_workspace.FullName, "pwned")), "A branch name was run as a command.");
    }

    [Fact]
    public async Task BranchTeardown_ReachesTheTool_AsAConfirmedDeletionOfTheEnvironment_InEveryRepository()
    {
        var branch = await RunAsync("feature/ABC-12_x", Template);
        Assert.True(branch.ExitCode == 0, branch.ToString());
        var context = new ExpressionContext();
        context.AddStepOutputs(EnvironmentTeardownWorkflow.Branch.Id!, branch.Outputs);
        context.AddJobOutputs(EnvironmentTeardownWorkflow.Branch.Job);
        var call = EnvironmentTeardownWorkflow.CallInputs(EnvironmentTeardownWorkflow.File.Job("branch-teardown"), context);

        var run = EcrImagesWorkflow.Started(EcrImagesWorkflow.Call, EcrImagesWorkflow.OneRegistry, call);
        var tool = Assert.Single(await EcrImagesWorkflow.RunPlanAndToolAsync(_runner, _runner, run));

        Assert.True(tool.ExitCode == 0, tool.ToString());
        Assert.Equal("true", run["needs.plan.outputs.deleting"]);
        Assert.Equal(
            ["--target=DeleteAllImages", "--environment=automation-feature-abc-12_x", "--region=us-east-1", "--report=artifacts/ecr-report.json",
             "--all-repositories", "--confirm=automation-feature-abc-12_x"],
            StandInBuildScript.Arguments(tool));
    }

    private Task<StepResult> RunAsync(string branch, string template, string refType = "branch")
    {
        var context = new ExpressionContext
        {
            ["github.event.ref_type"] = refType,
            ["github.event.ref"] = branch,
            ["vars.ECR_BRANCH_ENVIRONMENT"] = template,
        };
        return _runner.RunAsync(EnvironmentTeardownWorkflow.Branch, context);
    }

    [GeneratedRegex("`(?<branch>[^`]+)` → `(?<environment>[^`]+)`")]
    private static partial Regex ReadmeExample();
}
