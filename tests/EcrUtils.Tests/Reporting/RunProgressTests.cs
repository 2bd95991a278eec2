using System.Reflection;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Reporting;
using EcrUtils.Results;
using EcrUtils.Tests.Fakes;
using EcrUtils.Tests.Operations;

namespace EcrUtils.Tests.Reporting;

public sealed class RunProgressTests : IDisposable
{
    private readonly OperationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void EveryRecorderEvent_IsTakenIn_NotLeftToTheInterfaceDefault()
    {
        // A default interface method that the result does not implement would swallow the event before the report.
        var map = typeof(RunResult).GetInterfaceMap(typeof(IDeletionRecorder));

        Assert.All(map.TargetMethods, method => Assert.Equal(typeof(RunResult), method.DeclaringType));
        Assert.Equal(typeof(IDeletionRecorder).GetMethods(BindingFlags.Public | BindingFlags.Instance).Length, map.TargetMethods.Length);
    }

    [Fact]
    public async Task Deletion_WritesTheSameReport_AndCountsEachRepositoryOnce()
    {
        SeedTwoRepositories();
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api,web", "--in-use-check=off");
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);
        var changes = new List<DeletionProgress>();
        var finished = new List<RepositoryProgress>();
        var sut = new RunProgress(changes.Add, finished.Add);
        report.Run.Observe(sut);

        await new DeleteImagesOperation(_fixture.Ecr.CreateClient(), report).RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        Assert.Equal(new DeletionProgress(2, 2, 0, 3), sut.Current);
        Assert.Equal(sut.Current, changes[^1]);
        Assert.Equal(2, changes[0].Repositories);
        Assert.Equal(["api", "web"], finished.Select(f => f.Repository).Order(StringComparer.Ordinal));
        Assert.Equal([1, 2], finished.Select(f => f.Finished));
        var api = finished.Single(f => f.Repository == "api");
        Assert.Equal((3, 3, null as string), (api.ImagesToRemove, api.TagsRemoved, api.Error));
        Assert.Equal(0, finished.Single(f => f.Repository == "web").ImagesToRemove);
        Assert.Equal(3, report.Document.Repositories.Single(r => r.Name == "api").TagsRemoved);
        Assert.Equal(["done", "done"], report.Document.Repositories.Select(r => r.Status));
        Assert.NotNull(report.Document.InUseCheck);
    }

    [Fact]
    public async Task Preview_CountsPlannedImages_AndNoRemovedTags()
    {
        SeedTwoRepositories();
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--preview", "--in-use-check=off");
        var finished = new List<RepositoryProgress>();
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);
        var sut = new RunProgress(_ => { }, finished.Add);
        report.Run.Observe(sut);

        await new DeleteImagesOperation(_fixture.Ecr.CreateClient(), report).RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        var api = Assert.Single(finished);
        Assert.Equal((3, 0), (api.ImagesToRemove, api.TagsRemoved));
        Assert.Equal(5, _fixture.Tags("api").Count);
    }

    [Fact]
    public async Task FailedRepository_IsCountedAsFailed_WithItsReason()
    {
        SeedTwoRepositories();
        _fixture.Ecr.Faults.When = call => call.Operation == "DescribeImages" && call.Body["repositoryName"]?.GetValue<string>() == "web"
            ? FakeEcrFault.ServerError()
            : null;
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api,web", "--in-use-check=off");
        var finished = new List<RepositoryProgress>();
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);
        var sut = new RunProgress(_ => { }, finished.Add);
        report.Run.Observe(sut);

        await new DeleteImagesOperation(_fixture.Ecr.CreateClient(), report).RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        Assert.Equal(1, sut.Current.Failed);
        Assert.NotNull(finished.Single(f => f.Repository == "web").Error);
        Assert.Null(finished.Single(f => f.Repository == "api").Error);
    }

    [Fact]
    public async Task TagThatIsAlreadyGone_IsCountedAlike_ByTheProgressTheReportAndTheResult()
    {
        SeedTwoRepositories();
        var deletions = 0;
        _fixture.Ecr.BeforeCall = call =>
        {
            if (call.Operation == "BatchDeleteImage" && call.Body["repositoryName"]?.GetValue<string>() == "api" && deletions++ == 0)
            {
                // An interrupted run's last batch finished on the server after this run listed the images.
                lock (_fixture.Ecr.Gate)
                {
                    var image = _fixture.Ecr.Repositories.Single(r => r.Name == "api").Images.Single(i => i.Tags.Contains("automation-master-1"));
                    image.Tags.Remove("automation-master-1");
                }
            }

            return ValueTask.CompletedTask;
        };
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--in-use-check=off");
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);
        var finished = new List<RepositoryProgress>();
        var sut = new RunProgress(_ => { }, finished.Add);
        report.Run.Observe(sut);

        await new DeleteImagesOperation(_fixture.Ecr.CreateClient(), report).RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);
        var result = Assert.Single(report.Run.Repositories);

        Assert.Equal(3, result.RemovedTags.Count);
        Assert.Equal(3, sut.Current.TagsRemoved);
        Assert.Equal(3, Assert.Single(finished).TagsRemoved);
        Assert.Equal(3, report.Document.Repositories.Single().TagsRemoved);
        Assert.Equal(["automation-master-4", "automation-master-5"], _fixture.Tags("api"));
    }

    private void SeedTwoRepositories()
    {
        _fixture.Ecr.AddRepository("api");
        for (var i = 1; i <= 5; i++)
        {
            _fixture.Push("api", i, $"automation-master-{i}");
        }

        _fixture.Ecr.AddRepository("web");
        _fixture.Push("web", 1, "automation-master-1");
    }
}
