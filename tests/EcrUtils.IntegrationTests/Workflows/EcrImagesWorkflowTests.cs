using System.Text.RegularExpressions;
using EcrUtils.Options;

namespace EcrUtils.IntegrationTests;

/// <summary>ecr-images.yml is wired to the tool: its choices are the tool's tasks, its inputs reach the tool's arguments.</summary>
public sealed partial class EcrImagesWorkflowTests
{
    // Where each input ends up: the tool's argument (task is Cake's --target; aws-region picks the registries, whose
    // region becomes --region; preview decides, through the plan, whether --preview is passed).
    private static readonly Dictionary<string, string> s_argumentOfInput = new(StringComparer.Ordinal)
    {
        ["task"] = "target",
        ["environment"] = ArgumentNames.Environment,
        ["repository"] = ArgumentNames.Repository,
        ["all-repositories"] = ArgumentNames.AllRepositories,
        ["keep"] = ArgumentNames.Keep,
        ["preview"] = ArgumentNames.Preview,
        ["confirm"] = ArgumentNames.Confirm,
        ["aws-region"] = ArgumentNames.Region,
        ["older-than"] = ArgumentNames.OlderThan,
        ["keep-pulled-within"] = ArgumentNames.KeepPulledWithin,
        ["archive"] = ArgumentNames.Archive,
        ["image-tag"] = ArgumentNames.ImageTag,
        ["all-archived"] = ArgumentNames.AllArchived,
        ["stale-after"] = ArgumentNames.StaleAfter,
        ["environment-pattern"] = ArgumentNames.EnvironmentPattern,
    };

    private static WorkflowFile Workflow => EcrImagesWorkflow.File;

    [Fact]
    public void TaskChoices_AreTheToolsTasks_EachACakeTaskClass()
    {
        var choices = Workflow.Inputs(EcrImagesWorkflow.Dispatch)["task"].Sequence("options").Children.Select(option => option.ToString()).ToList();

        Assert.Equal(Enum.GetNames<EcrTask>().Order(StringComparer.Ordinal), choices.Order(StringComparer.Ordinal));
        var tasks = Path.Combine(RepositoryRoot.Find(), "build", "Tasks");
        Assert.All(choices, task =>
        {
            var source = Path.Combine(tasks, $"{task}.cs");
            Assert.True(File.Exists(source), $"No task class {source}.");
            Assert.Contains($"[TaskName(nameof({task}))]", File.ReadAllText(source), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void CallInputs_MatchTheDispatchForm_WithStringsForChoices()
    {
        var dispatch = Workflow.Inputs(EcrImagesWorkflow.Dispatch);
        var call = Workflow.Inputs(EcrImagesWorkflow.Call);

        Assert.Equal(dispatch.Keys, call.Keys);
        Assert.All(dispatch, input =>
        {
            var called = call[input.Key];
            var type = input.Value.Scalar("type");
            Assert.Equal(type == "choice" ? "string" : type, called.Scalar("type"));
            Assert.Equal(input.Value.Scalar("default"), called.Scalar("default"));
            Assert.Equal(input.Value.Scalar("required") ?? "false", called.Scalar("required") ?? "false");
        });
        Assert.Equal(["boolean", "number", "string"], call.Values.Select(input => input.Scalar("type")).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Environment_IsOptional_SinceListEnvironmentsTakesNone_AndThePlanRequiresItForTheOthers()
    {
        Assert.All([EcrImagesWorkflow.Dispatch, EcrImagesWorkflow.Call], trigger =>
        {
            var environment = Workflow.Inputs(trigger)["environment"];
            Assert.Equal("false", environment.Scalar("required") ?? "false");
            Assert.Equal(string.Empty, environment.Scalar("default"));
        });
        Assert.Equal("${{ inputs.environment }}", EcrImagesWorkflow.Plan.Env["ENVIRONMENT_NAME"]);
    }

    [Fact]
    public void Preview_IsTheDefault_ForManualRunsAndCalls()
    {
        Assert.Equal("true", Workflow.Inputs(EcrImagesWorkflow.Dispatch)["preview"].Scalar("default"));
        Assert.Equal("true", Workflow.Inputs(EcrImagesWorkflow.Call)["preview"].Scalar("default"));
    }

    [Fact]
    public void EveryInput_ReachesARealToolArgument()
    {
        var inputs = Workflow.Inputs(EcrImagesWorkflow.Dispatch).Keys.Order(StringComparer.Ordinal);
        var toolScript = EcrImagesWorkflow.Tool.Run!;
        var referenced = Workflow.Steps.SelectMany(step => step.Env.Values).Select(value => InputReference().Match(value))
            .Where(match => match.Success).Select(match => match.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(inputs, s_argumentOfInput.Keys.Order(StringComparer.Ordinal));
        Assert.All(s_argumentOfInput, input =>
        {
            Assert.True(referenced.Contains(input.Key), $"No step's env: passes inputs.{input.Key} on.");
            Assert.True(input.Value == "target" || ArgumentNames.All.Contains(input.Value), $"--{input.Value} is not an argument of the tool.");
            Assert.Contains($"--{input.Value}", toolScript, StringComparison.Ordinal);
        });
        Assert.All(ArgumentInScript().Matches(toolScript), argument =>
            Assert.True(argument.Groups["name"].Value == "target" || ArgumentNames.All.Contains(argument.Groups["name"].Value), $"{argument.Value} is not an argument of the tool."));
    }

    [Fact]
    public void RunJob_CachesTheNuGetPackages_KeyedOnThePackageFiles_BeforeTheToolRuns()
    {
        var steps = Workflow.Job("run").Steps;
        var cache = Assert.Single(steps, step => step.Uses?.StartsWith("actions/cache@", StringComparison.Ordinal) == true);

        Assert.Equal("~/.nuget/packages", cache.With["path"]);
        foreach (var file in new[] { "global.json", "Directory.Packages.props", "**/*.csproj" })
        {
            Assert.Contains($"'{file}'", cache.With["key"], StringComparison.Ordinal);
        }

        Assert.True(cache.Index < EcrImagesWorkflow.Tool.Index, "The cache must be restored before the tool builds.");
    }

    [Fact]
    public void DeletingRuns_RunInTheCleanupEnvironment_OthersInTheReadEnvironment()
    {
        var job = Workflow.Job("run");

        Assert.Equal("${{ needs.plan.outputs.deleting == 'true' && 'ecr-cleanup' || 'ecr-read' }}", job.Scalar("environment"));
        Assert.Contains("needs.plan.outputs.deleting", EcrImagesWorkflow.Tool.Env["DELETING"], StringComparison.Ordinal);
        Assert.All(Workflow.Jobs.Where(other => other.Id != "run"), other => Assert.Null(other.Node.Get("environment")));
    }

    [Fact]
    public void Cleanups_AreGroupedPerEnvironment_AndNeverCancelled()
    {
        var concurrency = Workflow.Job("run").Node.Map("concurrency");

        Assert.Contains("format('ecr-cleanup-{0}-{1}', inputs.environment, matrix.registry.name)", concurrency.Scalar("group"), StringComparison.Ordinal);
        Assert.Equal("false", concurrency.Scalar("cancel-in-progress"));
    }

    [Fact]
    public void Registries_FanOutAsAMatrix_WhereOneFailureStopsNoOther()
    {
        var strategy = Workflow.Job("run").Node.Map("strategy");

        Assert.Equal("false", strategy.Scalar("fail-fast"));
        Assert.Equal("${{ fromJSON(needs.plan.outputs.registries) }}", strategy.Map("matrix").Scalar("registry"));
        Assert.Equal("${{ vars.ECR_REGISTRIES }}", EcrImagesWorkflow.Plan.Env["REGISTRIES"]);
    }

    [Fact]
    public void AwsAccess_IsOidcWithTheRegistrysRole_AndNoStoredKeys()
    {
        var job = Workflow.Job("run");
        var credentials = Assert.Single(job.Steps, step => step.Uses?.StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal) == true);

        Assert.Equal("write", job.Node.Map("permissions").Scalar("id-token"));
        Assert.Equal("read", job.Node.Map("permissions").Scalar("contents"));
        Assert.Equal("${{ matrix.registry.role }}", credentials.With["role-to-assume"]);
        Assert.Equal("${{ matrix.registry.region }}", credentials.With["aws-region"]);
        Assert.DoesNotContain("secrets.", Workflow.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("aws-access-key-id", Workflow.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkout_IsOfTheWorkflowsOwnRepositoryAndCommit_EvenWhenCalledFromAnother()
    {
        var checkout = Assert.Single(Workflow.Job("run").Steps, step => step.Uses?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);

        Assert.Equal("${{ job.workflow_repository }}", checkout.With["repository"]);
        Assert.Equal("${{ job.workflow_sha }}", checkout.With["ref"]);
    }

    [Fact]
    public void Report_IsUploadedPerRegistry_AlsoWhenTheToolFails()
    {
        var job = Workflow.Job("run");
        var upload = Assert.Single(job.Steps, step => step.Uses?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true
            && step.With["name"].StartsWith("ecr-report-", StringComparison.Ordinal));

        Assert.Equal("always()", upload.If);
        Assert.Equal("${{ env.REPORT_PATH }}", upload.With["path"]);
        Assert.Equal("ecr-report-${{ matrix.registry.name }}", upload.With["name"]);
        Assert.Contains("\"--report=$REPORT_PATH\"", EcrImagesWorkflow.Tool.Run, StringComparison.Ordinal);
        Assert.True(upload.Index > EcrImagesWorkflow.Tool.Index, "The upload must come after the tool.");
    }

    [Fact]
    public void LatestImages_AreAWorkflowCallOutput_MergedFromEveryRegistrysReport()
    {
        var output = Workflow.Triggers.Map(EcrImagesWorkflow.Call).Map("outputs").Map("images");
        var images = Workflow.Job("images");
        var download = Assert.Single(images.Steps, step => step.Uses?.StartsWith("actions/download-artifact@", StringComparison.Ordinal) == true);

        Assert.Equal("${{ jobs.images.outputs.images }}", output.Scalar("value"));
        Assert.Equal("${{ steps.merge.outputs.images }}", images.Outputs["images"]);
        Assert.Equal("ecr-report-*", download.With["pattern"]);
        Assert.Equal("inputs.task == 'GetLatestImages'", images.Scalar("if"));
    }

    [Fact]
    public void Environments_AreWorkflowCallOutputs_MergedFromWhatEachRegistrysRunKept()
    {
        var outputs = Workflow.Triggers.Map(EcrImagesWorkflow.Call).Map("outputs");
        var run = Workflow.Job("run");
        var keep = EcrImagesWorkflow.KeepEnvironments;
        var upload = Assert.Single(run.Steps, step => step.Uses?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true
            && step.With["name"].StartsWith("ecr-environments-", StringComparison.Ordinal));
        var environments = Workflow.Job("environments");
        var download = Assert.Single(environments.Steps, step => step.Uses?.StartsWith("actions/download-artifact@", StringComparison.Ordinal) == true);

        Assert.Equal("${{ jobs.environments.outputs.environments }}", outputs.Map("environments").Scalar("value"));
        Assert.Equal("${{ jobs.environments.outputs.stale-environments }}", outputs.Map("stale-environments").Scalar("value"));
        Assert.Equal("${{ steps.ecr.outputs.environments }}", keep.Env["ENVIRONMENTS"]);
        Assert.Equal("${{ steps.ecr.outputs.stale-environments }}", keep.Env["STALE_ENVIRONMENTS"]);
        Assert.True(EcrImagesWorkflow.Tool.Index < keep.Index && keep.Index < upload.Index, "The tool, then the kept environments, then their upload.");
        Assert.Equal("ecr-environments-${{ matrix.registry.name }}", upload.With["name"]);
        Assert.Equal("${{ env.ENVIRONMENTS_PATH }}", upload.With["path"]);
        Assert.Equal("error", upload.With["if-no-files-found"]);
        Assert.Equal("ecr-environments-*", download.With["pattern"]);
        Assert.Equal("${{ steps.merge-environments.outputs.environments }}", environments.Outputs["environments"]);
        Assert.Equal("${{ steps.merge-environments.outputs.stale-environments }}", environments.Outputs["stale-environments"]);
        Assert.All([keep.If, upload.If, environments.Scalar("if")], condition => Assert.Equal("inputs.task == 'ListEnvironments'", condition));
        Assert.Equal("read", environments.Node.Map("permissions").Scalar("actions"));
    }

    [GeneratedRegex(@"^\$\{\{\s*inputs\.(?<name>[\w-]+)\s*\}\}$")]
    private static partial Regex InputReference();

    [GeneratedRegex(@"--(?<name>[a-z][a-z-]*)")]
    private static partial Regex ArgumentInScript();
}
