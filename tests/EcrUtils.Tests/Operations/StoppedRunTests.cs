using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Reporting;
using EcrUtils.Results;
using EcrUtils.Tests.FaultInjection;

namespace EcrUtils.Tests.Operations;

/// <summary>
/// A run asked to stop sends nothing new but lets the deletion in flight finish and records it; a run aborted gives
/// the deletion in flight up and records its ids as unconfirmed. Either way the result says exactly what was done.
/// </summary>
public sealed class StoppedRunTests : IDisposable
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);
    private readonly OperationFixture _fixture = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _aborted = new();

    public void Dispose()
    {
        _stopping.Dispose();
        _aborted.Dispose();
        _fixture.Dispose();
    }

    [Fact]
    public async Task FirstStop_WhileABatchIsInFlight_LetsItFinish_RecordsIt_AndSendsNoOther()
    {
        var held = Seed();
        var (run, finished, operation) = Start(held);
        await held.Applied.WaitAsync(s_bound);

        await _stopping.CancelAsync();
        held.Release();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => operation.WaitAsync(s_bound));
        run.Complete(RunStatus.Cancelled);

        // The second batch took effect on the server and is in every record; the third was never sent.
        Assert.Equal(2, _fixture.Ecr.CallCount("BatchDeleteImage"));
        Assert.Equal(100, _fixture.Ecr.Images("api").Count);
        var result = Assert.Single(run.Run.Repositories);
        Assert.Equal((200, 200, 200), (result.TagsRemoved, result.ImagesDeleted, result.ImagesRemoved));
        Assert.Empty(result.Problems);
        Assert.Equal(RepositoryStatus.Cancelled, result.Status);
        Assert.Equal(98, result.Images.Count(i => i.Outcome == ImageOutcome.Planned));
        var line = Assert.Single(finished);
        Assert.Equal((true, 200, 298), (line.Cancelled, line.TagsRemoved, line.ImagesToRemove));
        var reported = run.Document.Repositories.Single();
        Assert.Equal(("cancelled", 200), (reported.Status, reported.TagsRemoved));
        Assert.Equal("cancelled", ReportProjection.Name(run.Run.Status));
    }

    [Fact]
    public async Task SecondStop_GivesTheBatchInFlightUp_AndRecordsItsIdsAsUnconfirmed()
    {
        var run = await AbortDuringTheSecondBatchAsync();

        // The server removed 200 tags; the result counts the 100 it heard of and marks the 100 it did not as unconfirmed.
        Assert.Equal(100, _fixture.Ecr.Images("api").Count);
        var result = Assert.Single(run.Run.Repositories);
        Assert.Equal(100, result.TagsRemoved);
        Assert.Equal(100, result.Images.Count(i => i.Outcome == ImageOutcome.Unconfirmed));
        Assert.Equal(100, result.Problems.Count(p => p.Code == DeletionProblem.Unconfirmed));
        Assert.Contains("ended without an answer", result.Problems[0].Message, StringComparison.Ordinal);
        var reported = run.Document.Repositories.Single();
        Assert.Equal(100, reported.Images.Count(i => i.Outcome == "unconfirmed"));
        Assert.Equal("cancelled", reported.Status);
    }

    [Fact]
    public async Task Rerun_AfterAnAbort_FindsTheUnconfirmedTagsGone_AndCountsThemAsRemovedByTheAbortedRun()
    {
        await AbortDuringTheSecondBatchAsync();

        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--in-use-check=off");
        var rerun = new RunResult(EcrTask.DeleteOldestImages, options, _fixture.Time);
        var earlier = EarlierRunReader.Read(_fixture.ReportPath, rerun);
        Assert.NotNull(earlier);
        rerun.FollowsUp(earlier);
        var report = ReportWriter.Start(_fixture.ReportPath, rerun);
        await new DeleteImagesOperation(_fixture.Ecr.CreateClient(), rerun).RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);
        rerun.Complete(RunStatus.Succeeded);

        // 100 confirmed by the aborted run, 100 found gone (removed by it), 98 removed now: the 298 of one clean run.
        var result = Assert.Single(rerun.Repositories);
        Assert.Equal((98, 100), (result.TagsRemoved, result.RemovedByEarlierRun.Count));
        Assert.Equal(["automation-master-299", "automation-master-300"], _fixture.Tags("api"));
        var reported = report.Document;
        Assert.Equal(100, reported.Repositories.Single().RemovedByEarlierRun!.Count);
        Assert.Equal(("cancelled", ReportStore.PreviousPathOf(_fixture.ReportPath)), (reported.EarlierRun!.Status, reported.EarlierRun.Report));
        Assert.True(File.Exists(ReportStore.PreviousPathOf(_fixture.ReportPath)));
    }

    [Fact]
    public async Task Rerun_AfterARunThatFinished_AccountsForNothing()
    {
        Seed();
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--in-use-check=off");
        var first = _fixture.Report(EcrTask.DeleteOldestImages, options);
        await new DeleteImagesOperation(_fixture.Ecr.CreateClient(), first).RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);
        first.Complete(RunStatus.Succeeded);

        Assert.Null(EarlierRunReader.Read(_fixture.ReportPath, new RunResult(EcrTask.DeleteOldestImages, options, _fixture.Time)));
    }

    // Both steps of a stop while the second batch has taken effect and its answer is held: the run gives it up.
    private async Task<RecordedRun> AbortDuringTheSecondBatchAsync()
    {
        var held = Seed();
        var (run, _, operation) = Start(held);
        await held.Applied.WaitAsync(s_bound);
        await _stopping.CancelAsync();
        await _aborted.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => operation.WaitAsync(s_bound));
        run.Complete(RunStatus.Cancelled);
        return run;
    }

    private HeldBatch Seed()
    {
        _fixture.Ecr.AddRepository("api");
        for (var i = 1; i <= 300; i++)
        {
            _fixture.Push("api", i, $"automation-master-{i}");
        }

        return new HeldBatch(2);
    }

    private (RecordedRun Run, List<RepositoryProgress> Finished, Task Operation) Start(HeldBatch held)
    {
        // One batch at a time, so that "in flight" is the second batch of 100 tags (of 298).
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--max-parallel=1", "--in-use-check=off");
        var run = _fixture.Report(EcrTask.DeleteOldestImages, options);
        var finished = new List<RepositoryProgress>();
        run.Run.Observe(new RunProgress(_ => { }, finished.Add));
        var client = WrappedFakeClient.Create(_fixture.Ecr, held.Wrap);
        var operation = new DeleteImagesOperation(client, run).RunAsync(options, EcrTask.DeleteOldestImages, new RunStop(_stopping.Token, _aborted.Token));
        return (run, finished, operation);
    }
}
