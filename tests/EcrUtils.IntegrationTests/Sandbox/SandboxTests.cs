using System.Text.Json;

namespace EcrUtils.IntegrationTests;

[Collection(MotoCollectionDefinition.Name)]
public sealed class SandboxTests(MotoServer server) : TaskTest(server)
{
    [Fact]
    public async Task FailingTask_StillStopsTheSandbox_AndShowsTheRegistryUnchanged()
    {
        var result = await RunAsync("--target=DeleteOldestImages", "--environment=automation-master", "--repository=does-not-exist", "--sandbox");

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains("does-not-exist", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Sandbox registry after DeleteOldestImages: unchanged.", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Stopped by an error before anything was deleted", result.StandardOutput, StringComparison.Ordinal);
        Assert.False(SandboxRun.IsRunning(SandboxRun.ProcessId(result)), "The sandbox's moto process outlived the failed run.");
    }

    [Fact]
    public async Task ListEnvironments_InTheSandbox_FindsTheAbandonedBranchStale_AndNotTheOnePulledYesterday()
    {
        var result = await RunAsync("--target=ListEnvironments", "--all-repositories", "--stale-after=30d", "--sandbox");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Sandbox registry after ListEnvironments: unchanged.", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("5 environments in 3 repositories: 1 stale, ", result.StandardOutput, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath));
        var environments = report.RootElement.GetProperty("environments").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.True(environments["automation-5e1d0a9b"].GetProperty("stale").GetBoolean());
        Assert.False(environments["automation-9c0ffee1"].GetProperty("stale").GetBoolean());
        Assert.Equal(JsonValueKind.String, environments["automation-9c0ffee1"].GetProperty("lastPull").ValueKind);
    }

    [Fact]
    public async Task GetLatestImages_InTheSandbox_IgnoresTheAwsSettings_AndFindsTheDemoImages()
    {
        var result = await Script.RunAsync(
            ["--target=GetLatestImages", "--environment=automation-master", "--all-repositories", "--sandbox", $"--report={ReportPath}"],
            new Dictionary<string, string?>
            {
                ["AWS_PROFILE"] = "no-such-profile",
                ["AWS_ACCESS_KEY_ID"] = null,
                ["AWS_SECRET_ACCESS_KEY"] = null,
                ["AWS_ENDPOINT_URL_ECR"] = "http://127.0.0.1:9",
            });

        Assert.True(result.ExitCode == 0, result.ToString());
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath));
        var tags = report.RootElement.GetProperty("latestImages").EnumerateArray().Select(l => l.GetProperty("tag").GetString()).ToList();
        Assert.Equal(["automation-master-15", "automation-master-9", "automation-master-4"], tags);
        Assert.Contains("Sandbox registry after GetLatestImages: unchanged.", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Found the latest image of automation-master in 3 of 3 repositories.", result.StandardOutput, StringComparison.Ordinal);
        Assert.False(SandboxRun.IsRunning(SandboxRun.ProcessId(result)));
    }

    [Fact]
    public async Task DeleteAllImages_InTheSandbox_StillNeedsConfirm_AndStartsNothing()
    {
        var result = await RunAsync("--target=DeleteAllImages", "--environment=automation-3f2a9c1d", "--all-repositories", "--sandbox");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--confirm=automation-3f2a9c1d", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("The sandbox asks for it too", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Sandbox:", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAllImages_InTheSandbox_RemovesTheBranch_AndKeepsTheImageItShares()
    {
        var result = await RunAsync("--target=DeleteAllImages", "--environment=automation-3f2a9c1d", "--all-repositories", "--sandbox", "--confirm=automation-3f2a9c1d");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Sandbox registry after DeleteAllImages: 1 image deleted, 3 tags gone", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("lost automation-3f2a9c1d-1", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Unchanged: web, worker.", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingMoto_ExitsWithUsageError_AndSaysHowToInstallIt()
    {
        // Python without its site packages cannot import moto, wherever moto is installed.
        var python = Path.Combine(Path.GetDirectoryName(ReportPath)!, "python-without-moto");
        await File.WriteAllTextAsync(python, $"#!/bin/sh\nexec '{PythonInterpreter.Find()}' -S \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(python, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var result = await Script.RunAsync(
            ["--target=DeleteOldestImages", "--environment=automation-master", "--all-repositories", "--sandbox", $"--report={ReportPath}"],
            new Dictionary<string, string?> { ["ECRUTILS_PYTHON"] = python });

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("pip install 'moto[server]==5.2.1'", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("No module named 'moto'", result.StandardError, StringComparison.Ordinal);
    }
}
