using System.Net;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.Operations;

public sealed class DeleteImagesOperationTests : IDisposable
{
    private readonly OperationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task DeleteOldest_KeepsTwoNewest_AndLeavesOtherEnvironmentUntouched()
    {
        _fixture.Ecr.AddRepository("api");
        for (var i = 1; i <= 5; i++)
        {
            _fixture.Push("api", i, $"automation-master-{i}");
        }

        _fixture.Push("api", 10, "automation-3f2a9c1d-1");
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteOldestImages, options));

        await sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        var results = _fixture.Results;

        Assert.Equal(["automation-3f2a9c1d-1", "automation-master-4", "automation-master-5"], _fixture.Tags("api"));
        var result = Assert.Single(results);
        Assert.False(result.HasFailures);
        Assert.Equal(3, result.DeletedImages.Count);
        Assert.Equal(3_000_000, result.BytesReclaimed);
    }

    [Fact]
    public async Task DeleteAll_RemovesOnlyTheEnvironmentsTags_AndKeepsASharedImage()
    {
        _fixture.Ecr.AddRepository("api");
        _fixture.Push("api", 1, "automation-master-1");
        var shared = _fixture.Push("api", 2, "automation-master-2", "automation-3f2a9c1d-1");
        _fixture.Push("api", 3, "automation-3f2a9c1d-2", "automation-3f2a9c1d-latest");
        var options = OperationFixture.Options("--environment=automation-3f2a9c1d", "--repository=api", "--confirm=automation-3f2a9c1d");
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteAllImages, options));

        await sut.RunAsync(options, EcrTask.DeleteAllImages, CancellationToken.None);

        var results = _fixture.Results;

        Assert.Equal(["automation-master-1", "automation-master-2"], _fixture.Tags("api"));
        Assert.Contains(_fixture.Ecr.Images("api"), i => i.Digest == shared);
        Assert.Single(Assert.Single(results).DeletedImages);
    }

    [Fact]
    public async Task Preview_PlansButDeletesNothing()
    {
        _fixture.Ecr.AddRepository("api");
        for (var i = 1; i <= 4; i++)
        {
            _fixture.Push("api", i, $"automation-master-{i}");
        }

        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--preview");
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteOldestImages, options));

        await sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        var results = _fixture.Results;

        Assert.Equal(4, _fixture.Ecr.Images("api").Count);
        Assert.Equal(0, _fixture.Ecr.CallCount("BatchDeleteImage"));
        Assert.Equal(2, Assert.Single(results).Plan!.Removals.Count);
    }

    [Fact]
    public async Task TagMovedBetweenPlanningAndDeleting_IsReportedAsAProblem()
    {
        _fixture.Ecr.AddRepository("api");
        for (var i = 1; i <= 3; i++)
        {
            _fixture.Push("api", i, $"automation-master-{i}");
        }

        _fixture.Ecr.BeforeCall = call =>
        {
            if (call.Operation == "BatchDeleteImage")
            {
                // Another pipeline moved the tag to the newest image between our planning and our deletion.
                _fixture.Ecr.MoveTag("api", "automation-master-1", _fixture.Ecr.Images("api").Single(i => i.Tags.Contains("automation-master-3")).Digest);
                _fixture.Ecr.BeforeCall = null;
            }

            return ValueTask.CompletedTask;
        };
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteOldestImages, options));

        await sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        var results = _fixture.Results;

        var result = Assert.Single(results);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(DeletionProblem.TagMoved, problem.Code);
        Assert.Equal("automation-master-1", problem.Tag);
        Assert.True(result.HasFailures);
    }

    [Fact]
    public async Task TagAlreadyGone_CountsAsDone()
    {
        _fixture.Ecr.AddRepository("api");
        for (var i = 1; i <= 3; i++)
        {
            _fixture.Push("api", i, $"automation-master-{i}");
        }

        _fixture.Ecr.BeforeCall = call =>
        {
            if (call.Operation == "BatchDeleteImage")
            {
                // Another cleanup (or an interrupted earlier run) removed the tag after we planned.
                lock (_fixture.Ecr.Gate)
                {
                    _fixture.Ecr.Repository("api").Images.RemoveAll(i => i.Tags.Contains("automation-master-1"));
                }
            }

            return ValueTask.CompletedTask;
        };
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteOldestImages, options));

        await sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        var results = _fixture.Results;

        var result = Assert.Single(results);
        Assert.False(result.HasFailures);
        Assert.Contains("automation-master-1", result.RemovedTags);
        Assert.Equal(["automation-master-2", "automation-master-3"], _fixture.Tags("api"));
    }

    [Fact]
    public async Task DeletionFailure_IsReportedPerImage_AndOtherRepositoriesComplete()
    {
        _fixture.Ecr.AddRepository("api");
        _fixture.Ecr.AddRepository("web");
        foreach (var repository in new[] { "api", "web" })
        {
            for (var i = 1; i <= 3; i++)
            {
                _fixture.Push(repository, i, $"automation-master-{i}");
            }
        }

        _fixture.Ecr.Faults.When = call => call.Operation == "DescribeImages" && call.Body["repositoryName"]?.GetValue<string>() == "api"
            ? FakeEcrFault.Error(HttpStatusCode.BadRequest, "AccessDeniedException", "not authorized to perform ecr:DescribeImages")
            : null;
        var options = OperationFixture.Options("--environment=automation-master", "--all-repositories");
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteOldestImages, options));

        await sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        var results = _fixture.Results;

        Assert.Contains("AccessDeniedException", results.Single(r => r.Repository.Name == "api").Error);
        Assert.False(results.Single(r => r.Repository.Name == "web").HasFailures);
        Assert.Equal(3, _fixture.Ecr.Images("api").Count);
        Assert.Equal(2, _fixture.Ecr.Images("web").Count);
    }

    [Fact]
    public async Task Deletion_NeverNamesADigest_ForTaggedImages()
    {
        _fixture.Ecr.AddRepository("api");
        for (var i = 1; i <= 6; i++)
        {
            _fixture.Push("api", i, $"automation-master-{i}", $"other-{i}");
        }

        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteOldestImages, options));

        await sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        var ids = _fixture.Ecr.Calls.Where(c => c.Operation == "BatchDeleteImage")
            .SelectMany(c => c.Body["imageIds"]!.AsArray().Select(id => id!.AsObject())).ToList();
        Assert.Equal(4, ids.Count);
        Assert.All(ids, id => Assert.False(id.ContainsKey("imageDigest")));
        Assert.Equal(6, _fixture.Ecr.Images("api").Count);
    }

    [Fact]
    public async Task Cancellation_StopsTheRun_AndPropagates()
    {
        _fixture.Ecr.AddRepository("api");
        _fixture.Push("api", 1, "automation-master-1");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteOldestImages, options));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.RunAsync(options, EcrTask.DeleteOldestImages, cancellation.Token));
        Assert.Single(_fixture.Ecr.Images("api"));
    }

    [Fact]
    public async Task UnknownRepository_IsAUsageError_BeforeAnyDeletion()
    {
        _fixture.Ecr.AddRepository("api");
        _fixture.Push("api", 1, "automation-master-1");
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api,nope");
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteOldestImages, options));

        var error = await Assert.ThrowsAsync<OperationFailedException>(() => sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None));

        Assert.Equal(ExitCodes.UsageError, error.ExitCode);
        Assert.Contains("nope", error.Message);
        Assert.Equal(0, _fixture.Ecr.CallCount("BatchDeleteImage"));
    }
}
