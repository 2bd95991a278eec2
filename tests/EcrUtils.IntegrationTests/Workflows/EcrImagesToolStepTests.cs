namespace EcrUtils.IntegrationTests;

/// <summary>The tool step's script against a stand-in build.sh that prints its arguments, one per line.</summary>
public sealed class EcrImagesToolStepTests : IDisposable
{
    private const string CommonButEnvironment = "--region=us-east-1|--report=artifacts/ecr-report.json|--repository=api";

    private const string Common = "--environment=automation-master|" + CommonButEnvironment;

    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("ecrutils-toolstep-");

    public EcrImagesToolStepTests() => StandInBuildScript.WriteTo(_workspace.FullName);

    public void Dispose() => _workspace.Delete(recursive: true);

    // keep and confirm are given to every task, as a caller may: the step passes them only where the task takes them.
    [Theory]
    [InlineData("GetLatestImages", "false", "--target=GetLatestImages|" + Common)]
    [InlineData("DeleteOldestImages", "true", "--target=DeleteOldestImages|" + Common + "|--keep=3|--preview")]
    [InlineData("DeleteOldestImages", "false", "--target=DeleteOldestImages|" + Common + "|--keep=3")]
    [InlineData("DeleteAllImages", "true", "--target=DeleteAllImages|" + Common + "|--confirm=automation-master|--preview")]
    [InlineData("DeleteAllImages", "false", "--target=DeleteAllImages|" + Common + "|--confirm=automation-master")]
    [InlineData("ListEnvironments", "true", "--target=ListEnvironments|" + CommonButEnvironment)]
    [InlineData("ListEnvironments", "false", "--target=ListEnvironments|" + CommonButEnvironment)]
    public async Task ToolStep_PassesTheArgumentsTheTaskTakes(string task, string preview, string arguments)
    {
        var results = await RunAsync(
            ("task", task), ("environment", "automation-master"), ("repository", "api"), ("keep", "3"), ("confirm", "automation-master"), ("preview", preview));

        var result = Assert.Single(results);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(arguments.Split('|'), Arguments(result));
    }

    // The retention inputs go to the deleting tasks only; the restore inputs to RestoreImages only; the listing
    // inputs to ListEnvironments only.
    [Theory]
    [InlineData("GetLatestImages", "--target=GetLatestImages|" + Common)]
    [InlineData("DeleteOldestImages", "--target=DeleteOldestImages|" + Common + "|--keep=2|--older-than=14d|--keep-pulled-within=2d|--archive")]
    [InlineData("DeleteAllImages", "--target=DeleteAllImages|" + Common + "|--confirm=automation-master|--older-than=14d|--keep-pulled-within=2d|--archive")]
    [InlineData("RestoreImages", "--target=RestoreImages|" + Common + "|--image-tag=automation-master-7,automation-master-8|--all-archived")]
    [InlineData("ListEnvironments", "--target=ListEnvironments|" + CommonButEnvironment + "|--stale-after=30d|--environment-pattern=automation-.*")]
    public async Task ToolStep_PassesTheRetentionRestoreAndListingInputs_WhereTheTaskTakesThem(string task, string arguments)
    {
        var result = Assert.Single(await RunAsync(
            ("task", task), ("environment", "automation-master"), ("repository", "api"), ("keep", "2"), ("confirm", "automation-master"), ("preview", "false"),
            ("older-than", "14d"), ("keep-pulled-within", "2d"), ("archive", "true"), ("image-tag", "automation-master-7,automation-master-8"), ("all-archived", "true"),
            ("stale-after", "30d"), ("environment-pattern", "automation-.*")));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(arguments.Split('|'), Arguments(result));
    }

    [Fact]
    public async Task ToolStep_PassesNoConfirm_WhenNoneIsGiven()
    {
        var result = Assert.Single(await RunAsync(("task", "DeleteAllImages"), ("environment", "automation-master"), ("repository", "api")));

        Assert.Equal(("--target=DeleteAllImages|" + Common + "|--preview").Split('|'), Arguments(result));
    }

    [Fact]
    public async Task ToolStep_PassesEachValueAsOneLiteralArgument_RunningNothingInIt()
    {
        var result = Assert.Single(await RunAsync(
            ("task", "GetLatestImages"), ("environment", "a b $(touch pwned) `touch pwned` \"q\" 'r'"), ("repository", "api,web; touch pwned")));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("--environment=a b $(touch pwned) `touch pwned` \"q\" 'r'", Arguments(result));
        Assert.Contains("--repository=api,web; touch pwned", Arguments(result));
        Assert.False(File.Exists(Path.Combine(_workspace.FullName, "pwned")), "A value was run as a command.");
    }

    [Fact]
    public async Task ToolStep_ListEnvironments_WithoutAnEnvironment_PassesNone()
    {
        var result = Assert.Single(await RunAsync(("task", "ListEnvironments"), ("all-repositories", "true"), ("stale-after", "36h")));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["--target=ListEnvironments", "--region=us-east-1", "--report=artifacts/ecr-report.json", "--all-repositories", "--stale-after=36h"],
            Arguments(result));
    }

    [Fact]
    public async Task ToolStep_PassesTheEnvironmentPattern_AsOneLiteralArgument()
    {
        const string Pattern = "automation-([0-9a-f]{8}|feature-.*)$ $(touch pwned)";

        var result = Assert.Single(await RunAsync(("task", "ListEnvironments"), ("all-repositories", "true"), ("environment-pattern", Pattern)));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"--environment-pattern={Pattern}", Arguments(result)[^1]);
        Assert.False(File.Exists(Path.Combine(_workspace.FullName, "pwned")), "A value was run as a command.");
    }

    [Fact]
    public async Task ToolStep_AllRepositories_IsASwitch()
    {
        var result = Assert.Single(await RunAsync(("task", "GetLatestImages"), ("environment", "automation-master"), ("all-repositories", "true")));

        Assert.Equal(
            ["--target=GetLatestImages", "--environment=automation-master", "--region=us-east-1", "--report=artifacts/ecr-report.json", "--all-repositories"],
            Arguments(result));
    }

    [Fact]
    public async Task ToolStep_RunsOncePerRegistry_NamingItInTheSummary()
    {
        const string Registries = """
            [{"region": "eu-west-1", "role": "arn:aws:iam::111111111111:role/ecr-cleanup"},
             {"region": "us-east-1", "role": "arn:aws:iam::222222222222:role/ecr-cleanup"}]
            """;

        var results = await RunAsync(Registries, ("task", "GetLatestImages"), ("environment", "automation-master"), ("repository", "api"));

        Assert.Equal(["--region=eu-west-1", "--region=us-east-1"], results.Select(r => Assert.Single(Arguments(r), a => a.StartsWith("--region=", StringComparison.Ordinal))));
        Assert.Equal(["**Registry** `eu-west-1-111111111111`\n\n", "**Registry** `us-east-1-222222222222`\n\n"], results.Select(r => r.Summary));
    }

    [Fact]
    public async Task ToolStep_FailsWithTheToolsExitCode()
    {
        var result = Assert.Single(await RunAsync(
            EcrImagesWorkflow.OneRegistry, new Dictionary<string, string> { ["STAND_IN_EXIT"] = "3" }, ("task", "GetLatestImages"), ("environment", "automation-master"), ("repository", "api")));

        Assert.Equal(3, result.ExitCode);
    }

    private Task<IReadOnlyList<StepResult>> RunAsync(params (string Name, string Value)[] inputs) => RunAsync(EcrImagesWorkflow.OneRegistry, inputs);

    private Task<IReadOnlyList<StepResult>> RunAsync(string registries, params (string Name, string Value)[] inputs) =>
        RunAsync(registries, new Dictionary<string, string>(), inputs);

    private async Task<IReadOnlyList<StepResult>> RunAsync(
        string registries, IReadOnlyDictionary<string, string> runnerEnvironment, params (string Name, string Value)[] inputs)
    {
        using var runner = new StepRunner(_workspace.FullName, runnerEnvironment);
        return await EcrImagesWorkflow.RunPlanAndToolAsync(runner, runner, EcrImagesWorkflow.Started(EcrImagesWorkflow.Dispatch, registries, inputs));
    }

    private static List<string> Arguments(StepResult result) => StandInBuildScript.Arguments(result);
}
