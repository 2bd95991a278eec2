namespace EcrUtils.IntegrationTests;

/// <summary>--report is checked before any call, and a relative path means what it means in the user's folder.</summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed class ReportPathTests(MotoServer server) : TaskTest(server)
{
    private static readonly string[] s_deleteOldest = ["--target=DeleteOldestImages", "--environment=automation-master", "--repository=api"];

    [Fact]
    public async Task Report_ThatCannotBeWritten_IsAUsageError_NamingReport_AndNothingIsDeleted()
    {
        await SeedTwoEnvironmentsAsync();

        var result = await Script.RunAsync([.. s_deleteOldest, "--report=/proc/ecrutils/report.json"]);

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains("--report=/proc/ecrutils/report.json cannot be written", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(8, (await Registry.GetStateAsync()).Repository("api").AllTags.Count);
    }

    [Fact]
    public async Task Report_ThatIsAFolder_IsAUsageError_ThatSuggestsAFileInIt()
    {
        await SeedTwoEnvironmentsAsync();
        var folder = Path.GetDirectoryName(ReportPath)!;

        var result = await Script.RunAsync([.. s_deleteOldest, $"--report={folder}"]);

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains("(it is a folder): pass a file in it", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(8, (await Registry.GetStateAsync()).Repository("api").AllTags.Count);
    }

    [Fact]
    public async Task RelativeReport_IsWrittenInTheFolderTheCommandRanFrom()
    {
        await SeedTwoEnvironmentsAsync();
        var folder = Path.GetDirectoryName(ReportPath)!;

        var result = await Script.RunFromAsync(folder, ["--target=GetLatestImages", "--environment=automation-master", "--repository=api", "--report=out/latest.json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var written = Path.Combine(folder, "out", "latest.json");
        Assert.True(File.Exists(written), $"No report at {written}: {result}");
        Assert.Contains($"Report: {written}", result.StandardOutput, StringComparison.Ordinal);
    }
}
