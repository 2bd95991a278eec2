using System.Text.Json;

namespace EcrUtils.IntegrationTests;

[Collection(MotoCollectionDefinition.Name)]
public sealed class QuickStartTests(MotoServer server) : TaskTest(server)
{
    [Fact]
    public void QuickStart_HasExactlyTwoCommands_TheSandboxRunAndTheTests()
    {
        var commands = QuickStart.Commands();

        Assert.Equal(2, commands.Count);
        Assert.Contains("--sandbox", commands[0]);
        Assert.Equal(["./build.sh", "--target=Test"], commands[1]);
    }

    [Fact]
    public async Task QuickStartSandboxCommand_AsWrittenInTheReadme_ShowsTheWholeRun_AndStopsItsRegistry()
    {
        var command = QuickStart.Commands().Single(c => c.Contains("--sandbox"));
        Assert.Equal("./build.sh", command[0]);
        var reportPath = Path.Combine(RepositoryRoot.Find(), "artifacts", "sandbox", "DeleteOldestImages-automation-master.json");
        if (File.Exists(reportPath))
        {
            File.Delete(reportPath);
        }

        // The script runs with the test server's endpoint and keys in its environment: the sandbox must use neither.
        var result = await Script.RunAsync(command.Skip(1));

        Assert.True(result.ExitCode == 0, result.ToString());
        var output = result.StandardOutput;
        Assert.Contains("Sandbox: a throwaway registry on http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("so no real registry is touched", output, StringComparison.Ordinal);
        Assert.Contains("Sandbox registry before DeleteOldestImages: 3 repositories, 24 images.", output, StringComparison.Ordinal);
        // The demo's archived automation-master-10 goes too: without --archive, archived images are removed like any other.
        Assert.Contains("Sandbox registry after DeleteOldestImages: 7 images deleted, 6 tags gone, 751.4 MB freed.", output, StringComparison.Ordinal);
        Assert.Contains("lost automation-master-13", output, StringComparison.Ordinal);
        Assert.Contains("Unchanged: worker.", output, StringComparison.Ordinal);
        // The closing line and the sandbox's own count agree: 6 tags, one of them a signature's.
        Assert.Contains($"Removed 6 tags (5 of automation-master, 1 companion tag) in 2 of 3 repositories: 7 images deleted, 751.4 MB reclaimed. Report: {reportPath}", output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(reportPath));
        Assert.Equal("succeeded", report.RootElement.GetProperty("status").GetString());
        Assert.False(SandboxRun.IsRunning(SandboxRun.ProcessId(result)), "The sandbox's moto process outlived the run.");
        Assert.Empty((await Registry.GetStateAsync()).Repositories);
    }
}
