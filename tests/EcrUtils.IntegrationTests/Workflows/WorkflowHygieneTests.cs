using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace EcrUtils.IntegrationTests;

/// <summary>What every workflow of the repository keeps to (house style, and GitHub's security hardening guide).</summary>
public sealed partial class WorkflowHygieneTests
{
    private static readonly string[] s_workflowFiles = ["ecr-images.yml", "ecr-environment-teardown.yml", "ci.yml"];

    public static TheoryData<string> Workflows => [.. s_workflowFiles];

    // A job that calls a workflow of this repository (uses: ./.github/workflows/...) runs it at the caller's commit.
    [Theory]
    [MemberData(nameof(Workflows))]
    public void EveryAction_IsPinnedToAFullCommit_WithItsVersionInAComment(string fileName)
    {
        var workflow = WorkflowFile.Load(fileName);

        var usesLines = workflow.Text.Split('\n').Where(line => UsesKey().IsMatch(line)).ToList();
        var localCalls = usesLines.Where(line => LocalWorkflowCall().IsMatch(line)).ToList();

        Assert.NotEmpty(usesLines);
        Assert.Equal(workflow.Steps.Count(step => step.Uses is not null) + workflow.Jobs.Count(job => job.Uses is not null), usesLines.Count);
        Assert.Equal(workflow.Jobs.Count(job => job.Uses is not null), localCalls.Count);
        Assert.All(usesLines.Except(localCalls), line => Assert.Matches(PinnedUses(), line));
    }

    [Fact]
    public void EachAction_IsPinnedToOneCommit_AcrossTheWorkflows()
    {
        var pins = s_workflowFiles.SelectMany(fileName => WorkflowFile.Load(fileName).Steps)
            .Select(step => step.Uses)
            .OfType<string>()
            .GroupBy(uses => uses.Split('@')[0], StringComparer.Ordinal);

        Assert.All(pins, pin => Assert.Single(pin.Distinct(StringComparer.Ordinal)));
    }

    // Stricter than GitHub's advice (no ${{ inputs.* }} or ${{ github.event.* }} in a script): no expression at all,
    // so every value reaches a script through env: and a quoted variable.
    [Theory]
    [MemberData(nameof(Workflows))]
    public void NoRunScript_ContainsAnExpression(string fileName)
    {
        var scripts = WorkflowFile.Load(fileName).Steps.Where(step => step.Run is not null).ToList();

        Assert.NotEmpty(scripts);
        Assert.All(scripts, step => Assert.DoesNotContain("${{", step.Run!, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void EveryCheckout_PersistsNoCredentials(string fileName)
    {
        var workflow = WorkflowFile.Load(fileName);
        var checkouts = workflow.Steps.Where(step => step.Uses?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true).ToList();

        Assert.Equal(workflow.Text.Split("uses: actions/checkout@").Length - 1, checkouts.Count);
        Assert.All(checkouts, step => Assert.Equal("false", step.With.GetValueOrDefault("persist-credentials")));
    }

    // A job that calls a workflow takes no timeout-minutes: the called jobs have their own.
    [Theory]
    [MemberData(nameof(Workflows))]
    public void EveryJob_HasATimeoutAndItsOwnPermissions_AndTheWorkflowGrantsNone(string fileName)
    {
        var workflow = WorkflowFile.Load(fileName);

        Assert.Empty(Assert.IsType<YamlMappingNode>(workflow.Root.Get("permissions")).Children);
        Assert.All(workflow.Jobs, job =>
        {
            if (job.Uses is null)
            {
                Assert.True(int.TryParse(job.Scalar("timeout-minutes"), out var minutes) && minutes is > 0 and <= 60, $"{job.Id}: timeout-minutes");
            }

            Assert.IsType<YamlMappingNode>(job.Node.Get("permissions"));
        });
    }

    // StepRunner runs scripts with GitHub's command line for shell: bash (-eo pipefail); without the default the
    // runner would use bash -e, without pipefail.
    [Theory]
    [MemberData(nameof(Workflows))]
    public void Scripts_RunInBash(string fileName)
    {
        var workflow = WorkflowFile.Load(fileName);

        Assert.Equal("bash", workflow.Root.Map("defaults").Map("run").Scalar("shell"));
        Assert.All(workflow.Steps, step => Assert.Null(step.Node.Get("shell")));
    }

    [GeneratedRegex(@"^\s*(-\s+)?uses:")]
    private static partial Regex UsesKey();

    [GeneratedRegex(@"^\s*(-\s+)?uses: [A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")]
    private static partial Regex PinnedUses();

    [GeneratedRegex(@"^    uses: \./\.github/workflows/[A-Za-z0-9_.-]+\.yml$")]
    private static partial Regex LocalWorkflowCall();
}
