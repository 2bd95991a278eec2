using System.Text.Json;

namespace EcrUtils.IntegrationTests;

[Collection(MotoCollectionDefinition.Name)]
public sealed class GetLatestImagesTests(MotoServer server) : TaskTest(server)
{
    [Fact]
    public async Task GetLatest_ReportsNewestImage_PinnedByDigest()
    {
        var digests = await SeedTwoEnvironmentsAsync();

        var result = await RunAsync("--target=GetLatestImages", "--environment=automation-3f2a9c1d", "--repository=api");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath));
        var latest = report.RootElement.GetProperty("latestImages")[0];
        Assert.Equal("automation-3f2a9c1d-2", latest.GetProperty("tag").GetString());
        Assert.Equal($"123456789012.dkr.ecr.us-east-1.amazonaws.com/api@{digests["automation-3f2a9c1d-2"]}", latest.GetProperty("pinnedUri").GetString());
        Assert.Contains(digests["automation-3f2a9c1d-2"], result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLatest_MissingEnvironment_ExitsWithMissingImages()
    {
        await SeedTwoEnvironmentsAsync();

        var result = await RunAsync("--target=GetLatestImages", "--environment=automation-0000beef", "--repository=api");

        Assert.Equal(ExitCodes.MissingImages, result.ExitCode);
        Assert.Contains("--fallback-environment", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_SaysWhyImagesAreMissing_AndWhichRegistryAndRegionWereUsed()
    {
        await SeedTwoEnvironmentsAsync();

        var result = await RunAsync("--target=GetLatestImages", "--environment=automation-0000beef", "--repository=api");

        Assert.Equal(ExitCodes.MissingImages, result.ExitCode);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath));
        Assert.Equal("missing-images", report.RootElement.GetProperty("status").GetString());
        Assert.StartsWith("No image of environment 'automation-0000beef' in: api.", report.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        var settings = report.RootElement.GetProperty("settings");
        Assert.Equal(("123456789012", "us-east-1"), (settings.GetProperty("registryId").GetString(), settings.GetProperty("region").GetString()));
    }

    [Fact]
    public async Task GetLatest_OnGitHubActions_WritesOutputsAndSummary()
    {
        var digests = await SeedTwoEnvironmentsAsync();
        var output = Path.Combine(Path.GetDirectoryName(ReportPath)!, "github-output");
        var summary = Path.Combine(Path.GetDirectoryName(ReportPath)!, "github-summary");
        await File.WriteAllTextAsync(output, string.Empty);
        await File.WriteAllTextAsync(summary, string.Empty);

        var result = await Script.RunAsync(
            ["--target=GetLatestImages", "--environment=automation-master", "--repository=api", $"--report={ReportPath}"],
            new Dictionary<string, string?>
            {
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_OUTPUT"] = output,
                ["GITHUB_STEP_SUMMARY"] = summary,
            });

        Assert.True(result.ExitCode == 0, result.ToString());
        var outputs = await File.ReadAllTextAsync(output);
        Assert.Contains("images=[{", outputs, StringComparison.Ordinal);
        Assert.Contains(digests["automation-master-5"], outputs, StringComparison.Ordinal);
        Assert.Contains($"api@{digests["automation-master-5"]}", await File.ReadAllTextAsync(summary), StringComparison.Ordinal);
    }
}
