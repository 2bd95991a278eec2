namespace EcrUtils.IntegrationTests;

/// <summary><c>ecr-environment-teardown.yml</c>, its scripts, and the workflow its jobs call.</summary>
internal static class EnvironmentTeardownWorkflow
{
    public const string FileName = "ecr-environment-teardown.yml";

    /// <summary>How the jobs call ecr-images.yml: from the same repository and commit.</summary>
    public const string EcrImages = "./.github/workflows/" + EcrImagesWorkflow.FileName;

    private static readonly Lazy<WorkflowFile> s_file = new(() => WorkflowFile.Load(FileName));

    public static WorkflowFile File => s_file.Value;

    /// <summary>The step that names the environment of a deleted branch.</summary>
    public static WorkflowStep Branch => File.Step("branch");

    /// <summary>The step that reads the sweep's repository variables.</summary>
    public static WorkflowStep SweepSettings => File.Step("settings");

    /// <summary>
    /// The inputs that <paramref name="job"/> gives ecr-images.yml, each evaluated in <paramref name="context"/>
    /// (which has the outputs of the jobs it needs).
    /// </summary>
    public static (string Name, string Value)[] CallInputs(WorkflowJob job, ExpressionContext context) =>
        [.. job.With.Select(input => (input.Key, context.Evaluate(input.Value)))];
}
