using EcrUtils.Ecr;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Planning;
using EcrUtils.Reporting;
using EcrUtils.Results;
using EcrUtils.Tests.Fakes;
using EcrUtils.Tests.Operations;

namespace EcrUtils.Tests.Results;

/// <summary>One run, one result: the registry, the result, the progress and the report tell the same story.</summary>
public sealed class RunResultTests : IDisposable
{
    private readonly OperationFixture _fixture = new();
    private readonly EcrOptions _deleteOldest = OperationFixture.Options("--environment=automation-master", "--repository=api", "--keep=1", "--in-use-check=off");

    public RunResultTests() => _fixture.Ecr.AddRepository("api");

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task RunWithChildrenAndCompanions_CountsWhatTheRegistryLost_InEveryProjection()
    {
        var ecr = _fixture.Ecr;
        ecr.AddIndex("api", "old", ["automation-master-1"], OperationFixture.At(1), [FakeEcr.Digest("old-amd64"), FakeEcr.Digest("old-arm64")]);
        var oldImage = _fixture.Push("api", 2, "automation-master-2", "automation-master-2b");
        _fixture.PushSeeded("api", "old-sig", 2, CompanionTags.For(oldImage, "sig"));
        ecr.AddIndex("api", "new", ["automation-master-3"], OperationFixture.At(3), [FakeEcr.Digest("new-amd64")]);
        var (imagesBefore, tagsBefore) = (ecr.Images("api").Count, _fixture.Tags("api").Count);
        var recorded = _fixture.Report(EcrTask.DeleteOldestImages, _deleteOldest);
        var finished = new List<RepositoryProgress>();
        var progress = new RunProgress(_ => { }, finished.Add);
        recorded.Run.Observe(progress);

        await new DeleteImagesOperation(ecr.CreateClient(), recorded).RunAsync(_deleteOldest, EcrTask.DeleteOldestImages, CancellationToken.None);

        var run = recorded.Run;
        var (imagesLost, tagsLost) = (imagesBefore - ecr.Images("api").Count, tagsBefore - _fixture.Tags("api").Count);
        // The old index, its two children, the old image and its signature; three environment tags and the signature's.
        Assert.Equal((5, 4), (imagesLost, tagsLost));
        Assert.Equal(imagesLost, run.ImagesDeleted);
        Assert.Equal(tagsLost, run.TagsRemoved + run.CompanionTagsRemoved);
        Assert.Equal((3, 1), (run.TagsRemoved, run.CompanionTagsRemoved));
        Assert.Equal(run.TagsRemoved, progress.Current.TagsRemoved);
        Assert.Equal(run.TagsRemoved, Assert.Single(finished).TagsRemoved);
        var reported = Assert.Single(recorded.Document.Repositories);
        Assert.Equal((run.TagsRemoved, run.ImagesDeleted, run.BytesReclaimed), (reported.TagsRemoved, reported.ImagesDeleted, reported.BytesReclaimed));
        Assert.Equal("done", reported.Status);
    }

    [Fact]
    public void Preview_CountsWhatWouldGo_AndNoTagAsRemoved()
    {
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--preview");
        var sut = new RunResult(EcrTask.DeleteAllImages, options, TimeProvider.System);
        var repository = new EcrRepository("api", "arn", "123456789012", "r/api");
        var images = Enumerable.Range(1, 3).Select(i => new EcrImage($"sha256:{i}", [$"automation-master-{i}"], OperationFixture.At(i), 10)).ToList();

        sut.Planned(repository, DeleteAllPlanner.Plan(images, options.CreateTagRules("automation-master")));
        sut.RepositoryCompleted(repository);

        var result = Assert.Single(sut.Repositories);
        Assert.Equal((RepositoryStatus.Planned, 3, 3, 0, 30L), (result.Status, result.ImagesToRemove, result.ImagesDeleted, result.TagsRemoved, result.BytesReclaimed));
        Assert.All(result.Images, image => Assert.Equal(ImageOutcome.Planned, image.Outcome));
        Assert.True(result.IsFinished);
    }

    [Fact]
    public void RepositoryThatFailsAfterItCompleted_FinishesOnce()
    {
        var sut = new RunResult(EcrTask.DeleteOldestImages, _deleteOldest, TimeProvider.System);
        var repository = new EcrRepository("api", "arn", "123456789012", "r/api");
        var finishes = new List<RunChange>();
        sut.Observe(new Observer(change => finishes.AddRange(change.RepositoryFinished ? [change] : [])));

        sut.Planned(repository, new RepositoryPlan([]));
        sut.RepositoryCompleted(repository);
        sut.RepositoryFailed(repository, "late");

        Assert.Single(finishes);
        Assert.Equal((1, 1), sut.Finished);
        Assert.Equal(RepositoryStatus.Failed, sut.Repositories[0].Status);
    }

    [Fact]
    public void Report_NamesTheRegistryAndRegionItsRepositoriesSay_WhereTheArgumentsLeftThemOut()
    {
        var sut = new RunResult(EcrTask.DeleteOldestImages, _deleteOldest, TimeProvider.System);

        sut.RepositoriesFound([new EcrRepository("api", "arn", "210987654321", "210987654321.dkr.ecr.eu-west-1.amazonaws.com/api")]);

        var settings = ReportProjection.Document(sut).Settings;
        Assert.Equal(("210987654321", "eu-west-1"), (settings.RegistryId, settings.Region));
    }

    private sealed class Observer(Action<RunChange> changed) : IRunObserver
    {
        public void Changed(RunResult run, RunChange change) => changed(change);
    }
}
