using YamlDotNet.RepresentationModel;

namespace EcrUtils.IntegrationTests;

/// <summary>ecr-environment-teardown.yml is wired as README promises: its triggers, and its calls to ecr-images.yml.</summary>
public sealed class EnvironmentTeardownWorkflowTests
{
    private static WorkflowFile Workflow => EnvironmentTeardownWorkflow.File;

    private static IEnumerable<WorkflowJob> Calls => Workflow.Jobs.Where(job => job.Uses is not null);

    [Fact]
    public void Triggers_AreABranchOrTagDeletion_AWeeklySchedule_AndManualRuns()
    {
        var triggers = Workflow.Triggers.Entries().Select(trigger => trigger.Key).Order(StringComparer.Ordinal);
        var cron = Assert.Single(Workflow.Triggers.Sequence("schedule").Children.Cast<YamlMappingNode>()).Scalar("cron")!.Split(' ');

        Assert.Equal(["delete", "schedule", "workflow_dispatch"], triggers);
        Assert.Equal(5, cron.Length);
        Assert.True(cron[2] == "*" && cron[3] == "*" && int.TryParse(cron[4], out _), $"'{string.Join(' ', cron)}' is not once a week.");
    }

    [Fact]
    public void ADeletion_NamesTheBranchsEnvironment_AndOtherRunsSweep()
    {
        Assert.Equal("github.event_name == 'delete'", Workflow.Job("branch").Scalar("if"));
        Assert.Equal("github.event_name != 'delete'", Workflow.Job("sweep-settings").Scalar("if"));
        Assert.Equal("${{ github.event.ref_type }}", EnvironmentTeardownWorkflow.Branch.Env["REF_TYPE"]);
        Assert.Equal("${{ github.event.ref }}", EnvironmentTeardownWorkflow.Branch.Env["REF"]);
        Assert.Equal("${{ vars.ECR_BRANCH_ENVIRONMENT }}", EnvironmentTeardownWorkflow.Branch.Env["TEMPLATE"]);
        Assert.Equal("${{ steps.branch.outputs.environment }}", Workflow.Job("branch").Outputs["environment"]);
    }

    [Fact]
    public void BranchTeardown_DeletesAllImagesOfTheNamedEnvironment_Confirmed_InEveryRepository()
    {
        var job = Workflow.Job("branch-teardown");

        Assert.Equal(["branch"], Needs(job));
        Assert.Equal("needs.branch.outputs.environment != ''", job.Scalar("if"));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["task"] = "DeleteAllImages",
                ["environment"] = "${{ needs.branch.outputs.environment }}",
                ["confirm"] = "${{ needs.branch.outputs.environment }}",
                ["all-repositories"] = "true",
                ["preview"] = "false",
            },
            job.With);
    }

    [Fact]
    public void List_FindsTheStaleEnvironments_InEveryRepository_OnlyWhenThereIsAPattern()
    {
        var settings = Workflow.Job("sweep-settings");
        var job = Workflow.Job("list");

        Assert.Equal(["sweep-settings"], Needs(job));
        Assert.Equal("needs.sweep-settings.outputs.sweep == 'true'", job.Scalar("if"));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["task"] = "ListEnvironments",
                ["all-repositories"] = "true",
                ["stale-after"] = "${{ needs.sweep-settings.outputs.stale-after }}",
                ["environment-pattern"] = "${{ needs.sweep-settings.outputs.environment-pattern }}",
            },
            job.With);
        Assert.Equal(
            ["environment-pattern", "preview", "stale-after", "sweep"],
            settings.Outputs.Keys.Order(StringComparer.Ordinal));
        Assert.All(settings.Outputs, output => Assert.Equal($"${{{{ steps.settings.outputs.{output.Key} }}}}", output.Value));
        Assert.Equal("${{ vars.ECR_STALE_ENVIRONMENT_PATTERN }}", EnvironmentTeardownWorkflow.SweepSettings.Env["ENVIRONMENT_PATTERN"]);
        Assert.Equal("${{ vars.ECR_STALE_AFTER }}", EnvironmentTeardownWorkflow.SweepSettings.Env["STALE_AFTER"]);
        Assert.Equal("${{ vars.ECR_STALE_TEARDOWN }}", EnvironmentTeardownWorkflow.SweepSettings.Env["TEARDOWN"]);
    }

    [Fact]
    public void Sweep_TearsDownEachStaleEnvironment_AsAMatrix_SkippedWhenThereIsNone()
    {
        var job = Workflow.Job("sweep");
        var strategy = job.Node.Map("strategy");

        Assert.Equal(["list", "sweep-settings"], Needs(job).Order(StringComparer.Ordinal));
        Assert.Equal("needs.list.outputs.stale-environments != '' && needs.list.outputs.stale-environments != '[]'", job.Scalar("if"));
        Assert.Equal("${{ fromJSON(needs.list.outputs.stale-environments) }}", strategy.Map("matrix").Scalar("environment"));
        Assert.Equal("false", strategy.Scalar("fail-fast"));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["task"] = "DeleteAllImages",
                ["environment"] = "${{ matrix.environment }}",
                ["confirm"] = "${{ matrix.environment }}",
                ["all-repositories"] = "true",
                ["preview"] = "${{ needs.sweep-settings.outputs.preview != 'false' }}",
                ["older-than"] = "${{ needs.sweep-settings.outputs.stale-after }}",
            },
            job.With);
    }

    [Fact]
    public void EveryCall_IsOfEcrImagesAtTheSameCommit_WithInputsItDeclares_AndNoSecrets()
    {
        var declared = EcrImagesWorkflow.File.Inputs(EcrImagesWorkflow.Call);
        var required = declared.Where(input => input.Value.Scalar("required") == "true").Select(input => input.Key).ToList();

        Assert.Equal(["branch-teardown", "list", "sweep"], Calls.Select(job => job.Id));
        Assert.All(Calls, job =>
        {
            Assert.Equal(EnvironmentTeardownWorkflow.EcrImages, job.Uses);
            Assert.Empty(job.With.Keys.Except(declared.Keys));
            Assert.Empty(required.Except(job.With.Keys));
            Assert.All(job.With.Where(input => declared[input.Key].Scalar("type") == "boolean"), input =>
                Assert.True(input.Value is "true" or "false" || input.Value.Contains("!=", StringComparison.Ordinal), $"{job.Id}: {input.Key} must be a boolean."));
            Assert.Null(job.Node.Get("secrets"));
        });
    }

    // A called job gets no permission its caller does not grant (and the call fails to start if it asks for more).
    [Fact]
    public void EveryCall_GrantsExactlyWhatTheCalledJobsAsk()
    {
        var asked = EcrImagesWorkflow.File.Jobs.SelectMany(job => job.Permissions)
            .GroupBy(permission => permission.Key, StringComparer.Ordinal)
            .ToDictionary(scope => scope.Key, scope => scope.Any(permission => permission.Value == "write") ? "write" : "read", StringComparer.Ordinal);

        Assert.Equal(new Dictionary<string, string> { ["actions"] = "read", ["contents"] = "read", ["id-token"] = "write" }, asked);
        Assert.All(Calls, job => Assert.Equal(asked, job.Permissions));
        Assert.All(Workflow.Jobs.Except(Calls), job => Assert.Empty(job.Permissions));
    }

    private static List<string> Needs(WorkflowJob job) =>
        job.Node.Get("needs") switch
        {
            YamlScalarNode single => [single.Value!],
            YamlSequenceNode many => [.. many.Children.Select(need => need.ToString())],
            _ => [],
        };
}
