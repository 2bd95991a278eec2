namespace EcrUtils.IntegrationTests;

/// <summary>What a run prints: everything a person needs at normal verbosity, one line for a script at quiet.</summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed class ConsoleOutputTests(MotoServer server) : TaskTest(server)
{
    private static readonly string[] s_deleteOldest = ["--target=DeleteOldestImages", "--environment=automation-master", "--repository=api"];

    [Fact]
    public async Task Quiet_PrintsTheClosingLineAlone()
    {
        await Registry.SeedAsync(FaultScenarios.OneEnvironment(5));

        var result = await RunAsync([.. s_deleteOldest, "--verbosity=quiet"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Assert.Single(result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Removed 3 tags in 1 repository: 3 images deleted", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normal_ListsTheFirstImagesOnly_AndPointsToTheReportForTheRest()
    {
        await Registry.SeedAsync(FaultScenarios.OneEnvironment(60));

        var result = await RunAsync(s_deleteOldest);

        Assert.True(result.ExitCode == 0, result.ToString());
        var imageLines = result.StandardOutput.Split('\n').Count(l => l.StartsWith("  api: removed ", StringComparison.Ordinal));
        Assert.Equal(50, imageLines);
        Assert.Contains($"  … and 8 more images: every image is in the report, {ReportPath}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Removed 58 tags in 1 repository: 58 images deleted", result.StandardOutput, StringComparison.Ordinal);
    }
}
