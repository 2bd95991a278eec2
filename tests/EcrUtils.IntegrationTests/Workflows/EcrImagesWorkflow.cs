using System.Text.Json;

namespace EcrUtils.IntegrationTests;

/// <summary><c>ecr-images.yml</c>, its scripts, and how a test starts a run of it.</summary>
internal static class EcrImagesWorkflow
{
    public const string FileName = "ecr-images.yml";
    public const string Dispatch = "workflow_dispatch";
    public const string Call = "workflow_call";

    /// <summary>A registries variable with one registry, in the region and account of the tests' moto.</summary>
    public const string OneRegistry = """[{"region": "us-east-1", "role": "arn:aws:iam::123456789012:role/ecr-cleanup"}]""";

    private static readonly Lazy<WorkflowFile> s_file = new(() => WorkflowFile.Load(FileName));

    public static WorkflowFile File => s_file.Value;

    /// <summary>The plan job's step: checks the task, decides whether the run deletes, lists the registries.</summary>
    public static WorkflowStep Plan => File.Step("plan");

    /// <summary>The matrix job's step that runs the tool.</summary>
    public static WorkflowStep Tool => File.Step("ecr");

    /// <summary>The step that merges the latest images of every registry into the workflow's output.</summary>
    public static WorkflowStep Merge => File.Step("merge");

    /// <summary>The matrix job's step that keeps a registry's environments (the tool's outputs) in a file for the merge.</summary>
    public static WorkflowStep KeepEnvironments => File.Step("keep-environments");

    /// <summary>The step that merges the environments of every registry into the workflow's outputs.</summary>
    public static WorkflowStep MergeEnvironments => File.Step("merge-environments");

    /// <summary>
    /// A run started by <paramref name="trigger"/>: the declared defaults, then <paramref name="inputs"/>, and the
    /// repository variable ECR_REGISTRIES.
    /// </summary>
    public static ExpressionContext Started(string trigger, string registries, params (string Name, string Value)[] inputs)
    {
        var context = ExpressionContext.ForInputs(File, trigger, inputs.ToDictionary(input => input.Name, input => input.Value));
        context["vars.ECR_REGISTRIES"] = registries;
        return context;
    }

    /// <summary>
    /// Runs the plan job's script with <paramref name="planRunner"/>, then the tool step of each registry it lists
    /// with <paramref name="toolRunner"/>, as the runner runs the matrix; the context gets the plan's outputs.
    /// </summary>
    public static async Task<IReadOnlyList<StepResult>> RunPlanAndToolAsync(StepRunner planRunner, StepRunner toolRunner, ExpressionContext context)
    {
        var plan = await planRunner.RunAsync(Plan, context);
        Assert.True(plan.ExitCode == 0, plan.ToString());
        context.AddJobOutputs(Plan.Job);
        using var registries = JsonDocument.Parse(context["needs.plan.outputs.registries"]);
        var results = new List<StepResult>();
        foreach (var registry in registries.RootElement.EnumerateArray())
        {
            results.Add(await toolRunner.RunAsync(Tool, context.WithMatrix("registry", registry)));
        }

        return results;
    }
}
