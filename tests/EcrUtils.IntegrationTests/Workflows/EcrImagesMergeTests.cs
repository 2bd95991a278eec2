using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrUtils.IntegrationTests;

/// <summary>The images job's merge step, over reports laid out as download-artifact lays them out: one folder per artifact.</summary>
public sealed class EcrImagesMergeTests : IDisposable
{
    private const string TwoRegistries = """
        [{"name": "eu-west-1-111111111111", "region": "eu-west-1", "role": "arn:aws:iam::111111111111:role/r"},
         {"name": "us-east-1-222222222222", "region": "us-east-1", "role": "arn:aws:iam::222222222222:role/r"}]
        """;

    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("ecrutils-merge-");
    private readonly StepRunner _runner;

    public EcrImagesMergeTests() => _runner = new StepRunner(_workspace.FullName);

    public void Dispose()
    {
        _runner.Dispose();
        _workspace.Delete(recursive: true);
    }

    [Fact]
    public async Task Merge_ListsTheFoundImagesOfEveryRegistry()
    {
        await WriteReportAsync("eu-west-1-111111111111", Latest("api", "111111111111.dkr.ecr.eu-west-1.amazonaws.com/api@sha256:aa"), Missing("web"));
        await WriteReportAsync("us-east-1-222222222222", Latest("api", "222222222222.dkr.ecr.us-east-1.amazonaws.com/api@sha256:bb"));

        var result = await MergeAsync(TwoRegistries);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var images = JsonDocument.Parse(result.Output("images"));
        Assert.Equal(
            ["111111111111.dkr.ecr.eu-west-1.amazonaws.com/api@sha256:aa", "222222222222.dkr.ecr.us-east-1.amazonaws.com/api@sha256:bb"],
            images.RootElement.EnumerateArray().Select(image => image.GetProperty("pinnedUri").GetString()));
    }

    [Fact]
    public async Task Merge_Fails_WhenARegistrysReportIsMissing()
    {
        await WriteReportAsync("eu-west-1-111111111111", Latest("api", "111111111111.dkr.ecr.eu-west-1.amazonaws.com/api@sha256:aa"));

        var result = await MergeAsync(TwoRegistries);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("::error title=Missing reports::Found 1 reports for 2 registries", result.Process.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("images", result.Outputs.Keys);
    }

    private Task<StepResult> MergeAsync(string registries)
    {
        var context = EcrImagesWorkflow.Started(EcrImagesWorkflow.Call, EcrImagesWorkflow.OneRegistry, ("task", "GetLatestImages"), ("environment", "automation-master"));
        context["needs.plan.outputs.registries"] = registries;
        return _runner.RunAsync(EcrImagesWorkflow.Merge, context);
    }

    private async Task WriteReportAsync(string registry, params JsonObject[] latestImages)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_workspace.FullName, "reports", $"ecr-report-{registry}"));
        var report = new JsonObject { ["task"] = "GetLatestImages", ["latestImages"] = new JsonArray(latestImages) };
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "ecr-report.json"), report.ToJsonString());
    }

    private static JsonObject Latest(string repository, string pinnedUri) =>
        new() { ["repository"] = repository, ["found"] = true, ["tag"] = "automation-master-5", ["pinnedUri"] = pinnedUri };

    private static JsonObject Missing(string repository) =>
        new() { ["repository"] = repository, ["found"] = false, ["tag"] = null, ["pinnedUri"] = null };
}
