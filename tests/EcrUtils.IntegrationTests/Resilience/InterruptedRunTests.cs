using System.Text.Json;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// A large DeleteOldestImages stopped in the middle (killed outright, asked to stop with SIGTERM, or aborted with a
/// second signal) leaves a truthful report, and running the same command again ends with the registry of one clean
/// run and accounts for what the interrupted run did.
/// </summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed class InterruptedRunTests(MotoServer server) : ResilienceTaskTest(server)
{
    private static readonly TimeSpan s_bound = TimeSpan.FromMinutes(3);

    // One repository at a time and one batch after the other, so that "the middle" is a known point.
    private static readonly string[] s_deleteOldest =
        ["--target=DeleteOldestImages", "--environment=automation-master", "--repository=api", "--max-parallel=1"];

    [Fact]
    public async Task RunKilledMidBatch_ThenRunAgain_EndsWithTheRegistryOfOneCleanRun()
    {
        var registry = FaultScenarios.OneEnvironment(1500);
        await Registry.SeedAsync(registry);
        var secondBatchApplied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The second batch reaches moto and takes effect, but the tool dies before it hears back: the worst moment.
        Proxy.AfterForward = async call =>
        {
            if (call.Operation == "BatchDeleteImage" && call.Number == 2)
            {
                secondBatchApplied.TrySetResult();
                await release.Task;
            }
        };
        using var kill = new CancellationTokenSource();

        var run = Script.RunAsync([.. s_deleteOldest, $"--report={ReportPath}"], ThroughProxy(), kill.Token);
        Assert.Same(secondBatchApplied.Task, await Task.WhenAny(secondBatchApplied.Task, run).WaitAsync(s_bound));
        var recorded = await RemovedTagsAsync();
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        release.SetResult();
        var afterKill = (await Registry.GetStateAsync()).Repository("api");

        Assert.Equal(100, recorded.Count);
        Assert.All(recorded, tag => Assert.Null(afterKill.ImageByTag(tag)));
        Assert.Equal(1300, afterKill.Images.Count);

        var rerun = await RunAsync(s_deleteOldest);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        // The killed run's unrecorded batch is accounted for: its tags are gone, removed by that run.
        using (var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath)))
        {
            var api = report.RootElement.GetProperty("repositories")[0];
            Assert.Equal(100, api.GetProperty("removedByEarlierRun").GetArrayLength());
            Assert.Equal("running", report.RootElement.GetProperty("earlierRun").GetProperty("status").GetString());
        }

        var resumed = await SnapshotAsync();
        await Server.ResetAsync();
        await Registry.SeedAsync(registry);
        var clean = await RunAsync(s_deleteOldest);
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Equal(await SnapshotAsync(), resumed);
        Assert.Equal(["automation-master-1499", "automation-master-1500"], (await Registry.GetStateAsync()).Repository("api").AllTags);
    }

    [Fact]
    public async Task Sigterm_WhileABatchIsInFlight_LetsItFinish_RecordsIt_SendsNoOther_AndTheRerunFinishes()
    {
        var (run, tool, release) = await RunUntilTheSecondBatchTookEffectAsync();
        UnixSignal.Terminate(tool);
        // The tool is told before the batch's answer reaches it; a third batch sent after the stop would fail below.
        await Task.Delay(TimeSpan.FromSeconds(1));
        release.SetResult();
        var result = await run.WaitAsync(s_bound);

        Assert.True(result.ExitCode == ExitCodes.Cancelled, result.ToString());
        Assert.Equal(2, Proxy.Log.Count(l => l.Call.Operation == "BatchDeleteImage"));
        Assert.Contains("Stopping: nothing new is sent", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("[1/1] api: cancelled after 200 tags removed, of 298 images to remove", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Cancelled after it removed 200 tags (200 images deleted", result.StandardOutput, StringComparison.Ordinal);
        using (var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath)))
        {
            Assert.Equal("cancelled", report.RootElement.GetProperty("status").GetString());
            Assert.NotEqual(JsonValueKind.Null, report.RootElement.GetProperty("finishedAt").ValueKind);
            var api = report.RootElement.GetProperty("repositories")[0];
            Assert.Equal(("cancelled", 200), (api.GetProperty("status").GetString(), api.GetProperty("tagsRemoved").GetInt32()));
        }

        // Every tag the registry lost is in the record, and nothing else.
        var recorded = await RemovedTagsAsync();
        var left = (await Registry.GetStateAsync()).Repository("api");
        Assert.Equal(200, recorded.Count);
        Assert.Equal(100, left.Images.Count);
        Assert.All(recorded, tag => Assert.Null(left.ImageByTag(tag)));

        var rerun = await RunAsync(s_deleteOldest);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("Removed 98 tags in 1 repository", rerun.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(["automation-master-299", "automation-master-300"], (await Registry.GetStateAsync()).Repository("api").AllTags);
        using var kept = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(ReportPath, ".previous.json")));
        Assert.Equal("cancelled", kept.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task SecondSignal_GivesTheBatchInFlightUp_RecordsItsIdsAsUnconfirmed_AndTheRerunCountsThemAsRemovedByIt()
    {
        var (run, tool, release) = await RunUntilTheSecondBatchTookEffectAsync();
        UnixSignal.Terminate(tool);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        UnixSignal.Terminate(tool);
        var result = await run.WaitAsync(s_bound);
        release.SetResult();

        // The registry lost 200 tags: 100 confirmed, 100 in a batch whose answer never came, and every record says so.
        Assert.True(result.ExitCode == ExitCodes.Cancelled, result.ToString());
        Assert.Contains("Aborted: any deletions in flight were given up", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(100, (await Registry.GetStateAsync()).Repository("api").Images.Count);
        Assert.Equal(100, (await RemovedTagsAsync()).Count);
        using (var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath)))
        {
            var api = report.RootElement.GetProperty("repositories")[0];
            Assert.Equal(100, api.GetProperty("images").EnumerateArray().Count(i => i.GetProperty("outcome").GetString() == "unconfirmed"));
            Assert.Equal(100, api.GetProperty("problems").EnumerateArray().Count(p => p.GetProperty("code").GetString() == "Unconfirmed"));
        }

        var rerun = await RunAsync(s_deleteOldest);

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("[1/1] api: done, 98 tags removed from 98 images; 100 tags that the run before left open were gone (it removed them)", rerun.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("The run before it (cancelled, started ", rerun.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("had removed 100 tags that its report left open", rerun.StandardOutput, StringComparison.Ordinal);
        using (var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath)))
        {
            var api = report.RootElement.GetProperty("repositories")[0];
            Assert.Equal((98, 100), (api.GetProperty("tagsRemoved").GetInt32(), api.GetProperty("removedByEarlierRun").GetArrayLength()));
            Assert.Equal("cancelled", report.RootElement.GetProperty("earlierRun").GetProperty("status").GetString());
        }

        Assert.Equal(["automation-master-299", "automation-master-300"], (await Registry.GetStateAsync()).Repository("api").AllTags);
    }

    [Fact]
    public async Task Rerun_WhileTheInterruptedRunsLastBatchLandsLate_TellsOneStory_InEveryLineAndTheReport()
    {
        await Registry.SeedAsync(FaultScenarios.OneEnvironment(300));
        // The interrupted run's batch in flight lands on the server after the rerun listed the images: the rerun finds
        // 10 of its planned tags already gone (ImageNotFound).
        Proxy.BeforeForward = async call =>
        {
            if (call.Operation == "BatchDeleteImage" && call.Number == 1)
            {
                using var body = JsonDocument.Parse(call.Body);
                var late = body.RootElement.GetProperty("imageIds").EnumerateArray().Take(10)
                    .Select(id => new { imageTag = id.GetProperty("imageTag").GetString() }).ToArray();
                var landed = await BotoEcr.CallAsync(Server, Server.AccessKeyId, Server.SecretAccessKey, "BatchDeleteImage", new { repositoryName = "api", imageIds = late });
                Assert.True(landed.Ok, $"BatchDeleteImage failed: {landed.Code}");
            }
        };

        var rerun = await RunThroughProxyAsync(s_deleteOldest);

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("[1/1] api: done, 298 tags removed from 298 images", rerun.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Removed 298 tags in 1 repository: 298 images deleted", rerun.StandardOutput, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath));
        var api = report.RootElement.GetProperty("repositories")[0];
        Assert.Equal((298, 298), (api.GetProperty("tagsRemoved").GetInt32(), api.GetProperty("imagesDeleted").GetInt32()));
        Assert.Equal(["automation-master-299", "automation-master-300"], (await Registry.GetStateAsync()).Repository("api").AllTags);
    }

    // 300 images, one batch at a time: the second batch reaches moto and takes effect, and its answer waits until
    // released (or until the tool gives it up). Returns the running tool, its process id, and the release.
    private async Task<(Task<ProcessResult> Run, int Tool, TaskCompletionSource Release)> RunUntilTheSecondBatchTookEffectAsync()
    {
        await Registry.SeedAsync(FaultScenarios.OneEnvironment(300));
        var applied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Proxy.AfterForward = async call =>
        {
            if (call.Operation == "BatchDeleteImage" && call.Number == 2)
            {
                applied.TrySetResult();
                await release.Task;
            }
        };

        var run = RunThroughProxyAsync(s_deleteOldest);
        Assert.Same(applied.Task, await Task.WhenAny(applied.Task, run).WaitAsync(s_bound));
        var tool = RunningTool.Find(ReportPath);
        Assert.NotNull(tool);
        return (run, tool.Value, release);
    }

    private Dictionary<string, string?> ThroughProxy() => new() { ["AWS_ENDPOINT_URL"] = Proxy.Endpoint };

    // What a reader finds after the run stopped: the report, with the lines of its journal (if any) applied in order,
    // each replacing images by digest (README, "Report").
    private async Task<IReadOnlyList<string>> RemovedTagsAsync()
    {
        var removedByDigest = new Dictionary<string, string[]>(StringComparer.Ordinal);
        using (var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath)))
        {
            foreach (var repository in report.RootElement.GetProperty("repositories").EnumerateArray())
            {
                Apply(repository);
            }
        }

        var journal = ReportPath + ".journal";
        foreach (var line in File.Exists(journal) ? await File.ReadAllLinesAsync(journal) : [])
        {
            using var entry = JsonDocument.Parse(line);
            Apply(entry.RootElement);
        }

        return [.. removedByDigest.Values.SelectMany(tags => tags)];

        void Apply(JsonElement repository)
        {
            foreach (var image in repository.GetProperty("images").EnumerateArray())
            {
                removedByDigest[image.GetProperty("digest").GetString()!] =
                    [.. image.GetProperty("removedTags").EnumerateArray().Select(t => t.GetString()!)];
            }
        }
    }
}
