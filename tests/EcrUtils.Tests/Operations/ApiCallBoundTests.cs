using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.Operations;

/// <summary>
/// Every task makes the fewest ECR calls the API allows: per repository ceil(images/1000) DescribeImages and
/// ceil(tag removals/100) BatchDeleteImage, ceil(repositories/1000) DescribeRepositories for --all-repositories,
/// no ListTagsForResource without --repository-tag and no BatchGetImage without indexes. Nothing is called per image.
/// </summary>
public sealed class ApiCallBoundTests : IDisposable
{
    private readonly OperationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [InlineData("DeleteOldestImages")]
    [InlineData("DeleteAllImages")]
    public async Task DeletingTask_MakesTheLowerBoundOfCalls_OverPagedRepositories(string taskName)
    {
        var task = Enum.Parse<EcrTask>(taskName);
        var sizes = new Dictionary<string, int> { ["api"] = 2_345, ["web"] = 1_000, ["worker"] = 7, ["empty"] = 0 };
        foreach (var (repository, count) in sizes)
        {
            Seed(repository, count);
        }

        var options = OperationFixture.Options("--environment=automation-master", "--all-repositories", "--confirm=automation-master");
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(task, options));

        await sut.RunAsync(options, task, CancellationToken.None);

        var removals = sizes.Values.Select(count => task == EcrTask.DeleteAllImages ? count : Math.Max(0, count - EcrOptions.DefaultKeep)).ToList();
        AssertCalls(
            describeRepositories: 1,
            describeImages: sizes.Values.Sum(count => Pages(count)),
            batchDelete: removals.Sum(count => Ceiling(count, 100)));
        Assert.Equal(sizes.Values.Sum() - removals.Sum(), sizes.Keys.Sum(r => _fixture.Ecr.Images(r).Count));
    }

    [Fact]
    public async Task Archive_MakesOneUpdateImageStorageClassPerImageArchived_AndTheAgeAndPullCriteriaAddNoCall()
    {
        Seed("api", 1_234);
        var options = OperationFixture.Options(
            "--environment=automation-master", "--repository=api", "--archive", "--older-than=1h", "--keep-pulled-within=2d", "--in-use-check=off");
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteOldestImages, options));

        await sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        AssertCalls(describeRepositories: 1, describeImages: Pages(1_234), batchDelete: 0);
        Assert.Equal(1_234 - EcrOptions.DefaultKeep, _fixture.Ecr.CallCount("UpdateImageStorageClass"));
    }

    [Fact]
    public async Task Restore_MakesOneCallPerImageRestored_AndEachPollOneDescribeImagesPer100Images()
    {
        Seed("api", 250);
        foreach (var image in _fixture.Ecr.Images("api"))
        {
            _fixture.Ecr.SetStatus("api", image.Digest, "ARCHIVED");
        }

        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--all-archived", "--wait");

        var outcome = await new RestoreImagesOperation(_fixture.Ecr.CreateClient(), TimeProvider.System).RunAsync(options, _ => { }, CancellationToken.None);

        // The fake's restores end at once: one poll finds every image active.
        Assert.All(outcome.Images, r => Assert.Equal(RestoreStatus.Active, r.Status));
        Assert.Equal(250, _fixture.Ecr.CallCount("UpdateImageStorageClass"));
        AssertCalls(describeRepositories: 1, describeImages: Pages(250) + Ceiling(250, 100), batchDelete: 0);
    }

    [Fact]
    public async Task ListEnvironments_ReadsOnlyThePages_AndChangesNothing()
    {
        Seed("api", 2_345);
        Seed("web", 7);
        var options = OperationFixture.Options("--all-repositories", "--in-use-check=off", "--stale-after=30d");
        var sut = new ListEnvironmentsOperation(_fixture.Ecr.CreateClient(), new EcrUtils.Results.RunResult(EcrTask.ListEnvironments, options, _fixture.Time));

        var listing = await sut.RunAsync(options, CancellationToken.None);

        Assert.Equal(2_345 + 7, Assert.Single(listing.Environments).ReclaimableImages);
        AssertCalls(describeRepositories: 1, describeImages: Pages(2_345) + Pages(7), batchDelete: 0);
        Assert.Equal(0, _fixture.Ecr.CallCount("UpdateImageStorageClass") + _fixture.Ecr.CallCount("BatchGetImage"));
    }

    [Fact]
    public async Task GetLatestImages_ReadsOnlyThePages()
    {
        Seed("api", 2_001);
        Seed("web", 3);
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api,web");
        var sut = new GetLatestImagesOperation(_fixture.Ecr.CreateClient());

        var results = await sut.RunAsync(options, CancellationToken.None);

        Assert.Equal(["automation-master-2001", "automation-master-3"], results.Select(r => r.Latest?.Tag));
        AssertCalls(describeRepositories: 1, describeImages: 3 + 1, batchDelete: 0);
    }

    [Fact]
    public async Task AllRepositories_ReadsTheRepositoryListInPagesOfAThousand()
    {
        for (var i = 0; i < 1_001; i++)
        {
            _fixture.Ecr.AddRepository($"repo-{i:D4}");
        }

        var options = OperationFixture.Options("--environment=automation-master", "--all-repositories", "--max-parallel=32");
        var sut = new GetLatestImagesOperation(_fixture.Ecr.CreateClient());

        var results = await sut.RunAsync(options, CancellationToken.None);

        Assert.Equal(1_001, results.Count);
        AssertCalls(describeRepositories: 2, describeImages: 1_001, batchDelete: 0);
    }

    [Fact]
    public async Task RepositoryTagFilter_ReadsTagsOncePerRepository()
    {
        Seed("api", 5);
        _fixture.Ecr.AddRepository("web", new Dictionary<string, string> { ["Project"] = "shop" });
        _fixture.Push("web", 1, "automation-master-1");
        var options = OperationFixture.Options("--environment=automation-master", "--all-repositories", "--repository-tag=Project=shop", "--keep=1");
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteOldestImages, options));

        await sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        Assert.Equal(2, _fixture.Ecr.CallCount("ListTagsForResource"));
        Assert.Equal(1, _fixture.Ecr.CallCount("DescribeImages"));
        Assert.Equal(0, _fixture.Ecr.CallCount("BatchDeleteImage"));
        Assert.Equal(5, _fixture.Ecr.Images("api").Count);
    }

    [Fact]
    public async Task MultiArch_ReadsTheIndexesOnce_AndTheRepositoryOnceMoreOnlyWhenChildrenCanGo()
    {
        Seed("api", 150);
        _fixture.Ecr.AddIndex("api", "old", ["automation-master-0"], OperationFixture.At(0), [FakeEcr.Digest("old-amd64"), FakeEcr.Digest("old-arm64")]);
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteOldestImages, options));

        await sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        var ecr = _fixture.Ecr;
        Assert.Equal(2, _fixture.Ecr.Images("api").Count);
        Assert.Equal(
            (1, 2, 1, 2 + 1),
            (ecr.CallCount("DescribeRepositories"), ecr.CallCount("DescribeImages"), ecr.CallCount("BatchGetImage"), ecr.CallCount("BatchDeleteImage")));
    }

    private static int Pages(int images) => Math.Max(1, Ceiling(images, 1_000));

    private static int Ceiling(int count, int size) => (count + size - 1) / size;

    private void Seed(string repository, int images)
    {
        _fixture.Ecr.AddRepository(repository);
        for (var i = 1; i <= images; i++)
        {
            _fixture.Push(repository, i, $"automation-master-{i}");
        }
    }

    private void AssertCalls(int describeRepositories, int describeImages, int batchDelete)
    {
        var ecr = _fixture.Ecr;
        Assert.Equal(
            (describeRepositories, describeImages, batchDelete, 0, 0),
            (ecr.CallCount("DescribeRepositories"), ecr.CallCount("DescribeImages"), ecr.CallCount("BatchDeleteImage"),
                ecr.CallCount("ListTagsForResource"), ecr.CallCount("BatchGetImage")));
        Assert.Empty(ecr.Violations);
    }
}
