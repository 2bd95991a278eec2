using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Results;

namespace EcrUtils.Tests.Operations;

/// <summary>--archive archives what a run would delete, keeping its tags; RestoreImages brings archived images back.</summary>
public sealed class ArchiveAndRestoreTests : IDisposable
{
    private static readonly string[] s_archive = ["--environment=automation-master", "--repository=api", "--in-use-check=off", "--archive"];
    private readonly OperationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Archive_ArchivesWhatWouldBeDeleted_KeepingItsTags_AndSharedImagesOnlyLoseTheEnvironment()
    {
        var (oldest, shared) = Seed();

        var run = await RunAsync(s_archive);

        // automation-master-1 would have been deleted: it is archived with its tags. automation-master-2 keeps another
        // environment's tag: it loses automation-master-2 only, as without --archive.
        Assert.Equal("ARCHIVED", _fixture.Ecr.Archival("api", oldest).Status);
        Assert.Equal(["automation-master-1"], Tags(oldest));
        Assert.Equal("ACTIVE", _fixture.Ecr.Archival("api", shared).Status);
        Assert.Equal(["automation-3f2a9c1d-1"], Tags(shared));
        Assert.Equal(4, _fixture.Ecr.Images("api").Count);
        Assert.Equal(1, _fixture.Ecr.CallCount("UpdateImageStorageClass"));
        var result = Assert.Single(run.Run.Repositories);
        Assert.Equal((1, 1, 0, 1_000_000L), (result.ImagesArchived, result.TagsRemoved, result.ImagesDeleted, result.BytesArchived));
        var reported = run.Document.Repositories.Single();
        var image = reported.Images.Single(i => i.Digest == oldest);
        Assert.Equal(("archive", "archived"), (image.Action, image.Outcome));
        Assert.EndsWith("archived instead of deleted (it keeps its tags)", image.Reason, StringComparison.Ordinal);
        Assert.Equal(1, reported.ImagesArchived);
        Assert.True(run.Document.Settings.Archive);
    }

    [Fact]
    public async Task Archive_RunAgain_LeavesArchivedImagesAsTheyAre_AndMakesNoCall()
    {
        Seed();
        await RunAsync(s_archive);

        var again = await RunAsync(s_archive);

        Assert.Equal(1, _fixture.Ecr.CallCount("UpdateImageStorageClass"));
        Assert.Equal(0, Assert.Single(again.Run.Repositories).ImagesArchived);
        Assert.Contains(again.Document.Repositories.Single().Images, i => i.Reason == "archived" && i.Action == "keep");
    }

    [Fact]
    public async Task Archive_Preview_ChangesNothing_AndSaysWhatWouldBeArchived()
    {
        var (oldest, _) = Seed();

        var run = await RunAsync([.. s_archive, "--preview"]);

        Assert.Equal("ACTIVE", _fixture.Ecr.Archival("api", oldest).Status);
        Assert.Equal(0, _fixture.Ecr.CallCount("UpdateImageStorageClass") + _fixture.Ecr.CallCount("BatchDeleteImage"));
        Assert.Equal(1, Assert.Single(run.Run.Repositories).ImagesArchived);
    }

    [Fact]
    public async Task Restore_ByTag_BringsTheImageBack_ReportsTagsThatAreNotArchived_AndTagsThatNoImageHolds()
    {
        var (oldest, _) = Seed();
        await RunAsync(s_archive);
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--image-tag=automation-master-1,automation-master-4,automation-master-99", "--wait");
        var states = new List<IReadOnlyList<RestoreResult>>();

        var outcome = await new RestoreImagesOperation(_fixture.Ecr.CreateClient(), TimeProvider.System).RunAsync(options, r => states.Add([.. r]), CancellationToken.None);

        Assert.Equal("ACTIVE", _fixture.Ecr.Archival("api", oldest).Status);
        Assert.Equal(["automation-master-99"], outcome.MissingTags);
        Assert.False(outcome.TimedOut);
        Assert.Equal(
            [("automation-master-4", RestoreStatus.NotArchived), ("automation-master-1", RestoreStatus.Active)],
            outcome.Images.Select(r => (r.Image.Tags[0], r.Status)));
        // Seen on its way: restoring before it was active.
        Assert.Contains(states, s => s.Any(r => r.Image.Digest == oldest && r.Status == RestoreStatus.Activating));
        Assert.Equal(2, _fixture.Ecr.CallCount("UpdateImageStorageClass"));
    }

    [Fact]
    public async Task Restore_AllArchived_Preview_SendsNothing()
    {
        var (oldest, _) = Seed();
        _fixture.Ecr.SetStatus("api", oldest, "ARCHIVED");
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--all-archived", "--preview");

        var outcome = await new RestoreImagesOperation(_fixture.Ecr.CreateClient(), TimeProvider.System).RunAsync(options, _ => { }, CancellationToken.None);

        Assert.Equal((oldest, RestoreStatus.Planned), (Assert.Single(outcome.Images).Image.Digest, outcome.Images[0].Status));
        Assert.Equal(0, _fixture.Ecr.CallCount("UpdateImageStorageClass"));
    }

    // Four builds of automation-master; the second also tagged by a branch environment.
    private (string Oldest, string Shared) Seed()
    {
        _fixture.Ecr.AddRepository("api");
        var oldest = _fixture.Push("api", 1, "automation-master-1");
        var shared = _fixture.Push("api", 2, "automation-master-2", "automation-3f2a9c1d-1");
        _fixture.Push("api", 3, "automation-master-3");
        _fixture.Push("api", 4, "automation-master-4");
        return (oldest, shared);
    }

    private IReadOnlyList<string> Tags(string digest) => [.. _fixture.Ecr.Images("api").Single(i => i.Digest == digest).Tags];

    private async Task<RecordedRun> RunAsync(string[] arguments)
    {
        var options = OperationFixture.Options(arguments);
        var run = _fixture.Report(EcrTask.DeleteOldestImages, options);
        await new DeleteImagesOperation(_fixture.Ecr.CreateClient(), run).RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);
        run.Complete(RunStatus.Succeeded);
        return run;
    }
}
