using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// ecr-images.yml's scripts, exactly as committed, run in order as a runner runs them: the plan, the tool step
/// (the real ./build.sh from the repository root, with what configure-aws-credentials would set pointed at moto),
/// and the merge of the reports the upload step would take.
/// </summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed class EcrImagesEndToEndTests : TaskTest
{
    private readonly string _root = RepositoryRoot.Find();
    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("ecrutils-workflow-");
    private readonly StepRunner _planRunner;
    private readonly StepRunner _toolRunner;

    public EcrImagesEndToEndTests(MotoServer server)
        : base(server)
    {
        _planRunner = new StepRunner(_workspace.FullName);
        // The first run of ./build.sh compiles the build project.
        _toolRunner = new StepRunner(_root, server.AwsEnvironment()) { Timeout = TimeSpan.FromMinutes(5) };
    }

    /// <summary>Where the tool writes the report and the upload step takes it from.</summary>
    private string UploadedReport => Path.Combine(_root, EcrImagesWorkflow.Tool.Job.Env["REPORT_PATH"]);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // A fresh clone has no artifacts folder until the tool first writes a report there.
        Directory.CreateDirectory(Path.GetDirectoryName(UploadedReport)!);
        File.Delete(UploadedReport);
    }

    public override Task DisposeAsync()
    {
        File.Delete(UploadedReport);
        _planRunner.Dispose();
        _toolRunner.Dispose();
        _workspace.Delete(recursive: true);
        return base.DisposeAsync();
    }

    [Fact]
    public async Task GetLatestImages_PublishesThePinnedImages_AsStepAndWorkflowOutputs()
    {
        var digests = await SeedTwoEnvironmentsAsync();
        var context = EcrImagesWorkflow.Started(
            EcrImagesWorkflow.Call, EcrImagesWorkflow.OneRegistry, ("task", "GetLatestImages"), ("environment", "automation-master"), ("repository", "api"));

        var result = Assert.Single(await EcrImagesWorkflow.RunPlanAndToolAsync(_planRunner, _toolRunner, context));

        Assert.True(result.ExitCode == 0, result.ToString());
        var pinned = $"123456789012.dkr.ecr.us-east-1.amazonaws.com/api@{digests["automation-master-5"]}";
        using (var images = JsonDocument.Parse(result.Output("images")))
        {
            var image = Assert.Single(images.RootElement.EnumerateArray());
            Assert.Equal("automation-master-5", image.GetProperty("tag").GetString());
            Assert.Equal(pinned, image.GetProperty("pinnedUri").GetString());
        }

        Assert.Equal("succeeded", result.Output("status"));
        Assert.Equal(UploadedReport, result.Output("report"));
        Assert.StartsWith("**Registry** `us-east-1-123456789012`\n\n### GetLatestImages", result.Summary, StringComparison.Ordinal);
        Assert.Contains($"`{pinned}`", result.Summary, StringComparison.Ordinal);

        var merged = await MergeAsync(context);
        Assert.True(merged.ExitCode == 0, merged.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(result.Output("images")), JsonNode.Parse(merged.Output("images"))), merged.ToString());
    }

    [Fact]
    public async Task DeleteOldestImages_FromTheFormsDefaults_OnlyPreviews()
    {
        await SeedTwoEnvironmentsAsync();
        var before = await Registry.GetStateAsync();
        var context = EcrImagesWorkflow.Started(
            EcrImagesWorkflow.Dispatch, EcrImagesWorkflow.OneRegistry, ("task", "DeleteOldestImages"), ("environment", "automation-master"), ("repository", "api"));

        var result = Assert.Single(await EcrImagesWorkflow.RunPlanAndToolAsync(_planRunner, _toolRunner, context));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("false", context["needs.plan.outputs.deleting"]);
        Assert.Equal(before.Repository("api").AllTags, (await Registry.GetStateAsync()).Repository("api").AllTags);
        Assert.Contains("(preview: nothing was deleted)", result.Summary, StringComparison.Ordinal);
        Assert.Contains("**3** images would be deleted", result.Summary, StringComparison.Ordinal);
        Assert.Contains("| Would lose it | Would delete |", result.Summary, StringComparison.Ordinal);
        Assert.Equal(("true", "3", "3000000"), (result.Output("preview"), result.Output("would-delete-images"), result.Output("would-reclaim-bytes")));
        Assert.False(result.Outputs.ContainsKey("images-deleted"), "A preview wrote images-deleted, which reads as a deletion.");
        Assert.True(File.Exists(UploadedReport), $"No report at {UploadedReport} for the upload step.");
    }

    [Fact]
    public async Task DeleteOldestImages_WithPreviewUnticked_Deletes()
    {
        await SeedTwoEnvironmentsAsync();
        var context = EcrImagesWorkflow.Started(
            EcrImagesWorkflow.Dispatch, EcrImagesWorkflow.OneRegistry,
            ("task", "DeleteOldestImages"), ("environment", "automation-master"), ("repository", "api"), ("preview", "false"));

        var result = Assert.Single(await EcrImagesWorkflow.RunPlanAndToolAsync(_planRunner, _toolRunner, context));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("true", context["needs.plan.outputs.deleting"]);
        Assert.Equal(
            ["automation-3f2a9c1d-1", "automation-3f2a9c1d-2", "automation-3f2a9c1d-3", "automation-master-4", "automation-master-5"],
            (await Registry.GetStateAsync()).Repository("api").AllTags);
        Assert.Equal("false", result.Output("preview"));
        Assert.Equal("3", result.Output("images-deleted"));
        Assert.Equal("3000000", result.Output("bytes-reclaimed"));
        Assert.Contains("**3** images were deleted", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAllImages_CalledWithConfirm_RemovesTheEnvironment_KeepingSharedImages()
    {
        var digests = await SeedTwoEnvironmentsAsync();
        var context = EcrImagesWorkflow.Started(
            EcrImagesWorkflow.Call, EcrImagesWorkflow.OneRegistry,
            ("task", "DeleteAllImages"), ("environment", "automation-3f2a9c1d"), ("repository", "api"), ("preview", "false"), ("confirm", "automation-3f2a9c1d"));

        var result = Assert.Single(await EcrImagesWorkflow.RunPlanAndToolAsync(_planRunner, _toolRunner, context));

        Assert.True(result.ExitCode == 0, result.ToString());
        var api = (await Registry.GetStateAsync()).Repository("api");
        Assert.DoesNotContain(api.AllTags, tag => tag.StartsWith("automation-3f2a9c1d", StringComparison.Ordinal));
        Assert.Equal(["automation-master-5"], api.ImageByDigest(digests["automation-master-5"])!.Tags);
        Assert.Equal("succeeded", result.Output("status"));
    }

    // The tool's outputs on their way to the workflow's: kept by the registry's run, then merged. Which environments
    // are stale depends on the day the test runs (the images are pushed on a fixed day): a single registry's merge
    // keeps the tool's list as it is.
    [Fact]
    public async Task ListEnvironments_PublishesTheEnvironments_AsStepAndMergedWorkflowOutputs()
    {
        await SeedTwoEnvironmentsAsync();
        var context = EcrImagesWorkflow.Started(
            EcrImagesWorkflow.Call, EcrImagesWorkflow.OneRegistry, ("task", "ListEnvironments"), ("all-repositories", "true"), ("stale-after", "30d"));

        var result = Assert.Single(await EcrImagesWorkflow.RunPlanAndToolAsync(_planRunner, _toolRunner, context));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("false", context["needs.plan.outputs.deleting"]);
        var environments = JsonSerializer.Deserialize<string[]>(result.Output("environments"))!;
        var stale = JsonSerializer.Deserialize<string[]>(result.Output("stale-environments"))!;
        Assert.Subset(environments.ToHashSet(StringComparer.Ordinal), new HashSet<string>(["automation-3f2a9c1d", "automation-master"], StringComparer.Ordinal));
        Assert.Subset(environments.ToHashSet(StringComparer.Ordinal), stale.ToHashSet(StringComparer.Ordinal));
        Assert.Equal("succeeded", result.Output("status"));

        context.AddStepOutputs(EcrImagesWorkflow.Tool.Id!, result.Outputs);
        var kept = await _planRunner.RunAsync(EcrImagesWorkflow.KeepEnvironments, context);
        Assert.True(kept.ExitCode == 0, kept.ToString());
        var registry = JsonNode.Parse(context["needs.plan.outputs.registries"])![0]!["name"]!.GetValue<string>();
        var keptFile = Path.Combine(_workspace.FullName, EcrImagesWorkflow.KeepEnvironments.Job.Env["ENVIRONMENTS_PATH"]);
        var folder = Directory.CreateDirectory(Path.Combine(_workspace.FullName, "environments", $"ecr-environments-{registry}"));
        File.Move(keptFile, Path.Combine(folder.FullName, Path.GetFileName(keptFile)));
        var merged = await _planRunner.RunAsync(EcrImagesWorkflow.MergeEnvironments, context);

        Assert.True(merged.ExitCode == 0, merged.ToString());
        Assert.Equal(JsonSerializer.Serialize(environments.Order(StringComparer.Ordinal)), merged.Output("environments"));
        Assert.Equal(JsonSerializer.Serialize(stale.Order(StringComparer.Ordinal)), merged.Output("stale-environments"));
    }

    // download-artifact puts each artifact (ecr-report-<registry>) in its own folder under the path.
    private async Task<StepResult> MergeAsync(ExpressionContext context)
    {
        var registry = JsonNode.Parse(context["needs.plan.outputs.registries"])![0]!["name"]!.GetValue<string>();
        var folder = Directory.CreateDirectory(Path.Combine(_workspace.FullName, "reports", $"ecr-report-{registry}"));
        File.Copy(UploadedReport, Path.Combine(folder.FullName, Path.GetFileName(UploadedReport)));
        return await _planRunner.RunAsync(EcrImagesWorkflow.Merge, context);
    }
}
