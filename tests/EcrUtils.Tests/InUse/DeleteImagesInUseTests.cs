using System.Net;
using System.Text.Json;
using EcrUtils.InUse;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Planning;
using EcrUtils.Reporting;
using EcrUtils.Tests.Fakes;
using EcrUtils.Tests.Operations;

namespace EcrUtils.Tests.InUse;

public sealed class DeleteImagesInUseTests : IDisposable
{
    private readonly OperationFixture _fixture = new();

    public DeleteImagesInUseTests()
    {
        _fixture.Ecr.AddRepository("api");
        for (var i = 1; i <= 5; i++)
        {
            _fixture.Push("api", i, $"automation-master-{i}");
        }
    }

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task DeleteOldest_KeepsAnOlderImageInUse()
    {
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteOldestImages, options), FakeInUseCollector.Using(("api:automation-master-2", "prod/api")));

        await sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        var results = _fixture.Results;

        Assert.Equal(["automation-master-2", "automation-master-4", "automation-master-5"], _fixture.Tags("api"));
        var kept = Assert.Single(results).Plan!.Decisions.Single(d => d.Image.Tags.Contains("automation-master-2"));
        Assert.Equal("in use by prod/api", kept.Reason);
    }

    [Fact]
    public async Task DeleteAll_KeepsEveryImageInUse_ByTagOrDigest()
    {
        var pinned = _fixture.Ecr.Images("api").Single(i => i.Tags.Contains("automation-master-4")).Digest;
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--confirm=automation-master");
        var collector = FakeInUseCollector.Using(("api:automation-master-1", "prod/api"), ($"api@{pinned}", "resize:live"));
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteAllImages, options), collector);

        await sut.RunAsync(options, EcrTask.DeleteAllImages, CancellationToken.None);

        Assert.Equal(["automation-master-1", "automation-master-4"], _fixture.Tags("api"));
    }

    [Fact]
    public async Task CheckOff_DeletesTheImageInUse_AndTheReportSaysSo()
    {
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--in-use-check=off");
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);
        var collector = FakeInUseCollector.Using(("api:automation-master-2", "prod/api"));
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), report, collector);

        await sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        Assert.Equal(["automation-master-4", "automation-master-5"], _fixture.Tags("api"));
        Assert.Equal(0, collector.Calls);
        Assert.Equal("off", InUseCheckOf(report).GetProperty("status").GetString());
        Assert.Contains("in-use check was off", MarkdownSummary.Render(report.Run), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckThatCannotRun_StopsTheRun_BeforeAnyDeletion()
    {
        var options = OperationFixture.Options("--environment=automation-master", "--all-repositories");
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);
        var failure = new OperationFailedException(ExitCodes.InUseCheckFailed, "The in-use check could not read ECS: denied. Allow ecs:ListClusters.");
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), report, new FakeInUseCollector(InUseImages.None, failure));

        var error = await Assert.ThrowsAsync<OperationFailedException>(() => sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None));

        Assert.Equal(ExitCodes.InUseCheckFailed, error.ExitCode);
        Assert.Equal(0, _fixture.Ecr.CallCount("BatchDeleteImage"));
        Assert.Equal(0, _fixture.Ecr.CallCount("DescribeImages"));
        Assert.Equal(5, _fixture.Tags("api").Count);
        Assert.Equal("failed", InUseCheckOf(report).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Preview_ShowsTheImagesInUse_AndWhyTheyAreKept()
    {
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--preview");
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), report, FakeInUseCollector.Using(("api:automation-master-1", "prod/api"), ("api:automation-master-5", "resize:live")));

        await sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        var images = JsonDocument.Parse(File.ReadAllText(report.Path)).RootElement.GetProperty("repositories")[0].GetProperty("images")
            .EnumerateArray().ToDictionary(i => i.GetProperty("tags")[0].GetString()!, i => i);
        Assert.Equal("keep", images["automation-master-1"].GetProperty("action").GetString());
        Assert.Equal("in use by prod/api", images["automation-master-1"].GetProperty("reason").GetString());
        Assert.Equal("resize:live", images["automation-master-5"].GetProperty("inUseBy")[0].GetString());
        Assert.Equal("remove", images["automation-master-2"].GetProperty("action").GetString());
        var summary = MarkdownSummary.Render(report.Run);
        Assert.Contains("**2** images in use, all kept", summary, StringComparison.Ordinal);
        Assert.Contains("`automation-master-1`: in use by prod/api", summary, StringComparison.Ordinal);
        Assert.Equal(5, _fixture.Tags("api").Count);
    }

    [Fact]
    public async Task WithoutACollector_TheCheckIsOff_AndTheReportSaysSo()
    {
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--preview");
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);

        await new DeleteImagesOperation(_fixture.Ecr.CreateClient(), report).RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        Assert.Equal("off", InUseCheckOf(report).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AChildInUse_KeepsItsIndex_AndSoItself()
    {
        _fixture.Ecr.AddRepository("web");
        var child = FakeEcr.Digest("web/child");
        var sibling = FakeEcr.Digest("web/sibling");
        var index = FakeEcr.Digest("web/index");
        _fixture.Ecr.AddImage("web", child, [], OperationFixture.At(1));
        _fixture.Ecr.AddImage("web", sibling, [], OperationFixture.At(1));
        _fixture.Ecr.AddImage("web", index, ["automation-master-1"], OperationFixture.At(1), mediaType: FakeEcr.OciIndexMediaType, manifest: IndexManifest(child, sibling));
        _fixture.Push("web", 2, "automation-master-2");
        _fixture.Push("web", 3, "automation-master-3");
        var options = OperationFixture.Options("--environment=automation-master", "--repository=web");
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteOldestImages, options), FakeInUseCollector.Using(($"web@{child}", "jobs/family:arm")));

        await sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        var results = _fixture.Results;

        Assert.Equal([child, sibling, index], _fixture.Ecr.Images("web").Select(i => i.Digest).Intersect([child, sibling, index]));
        var kept = Assert.Single(results).Plan!.Decisions.Single(d => d.Image.Digest == index);
        Assert.Equal(ImageAction.Keep, kept.Action);
        Assert.StartsWith("lists sha256:", kept.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIndexInUse_IsKept_WithItsChildren()
    {
        _fixture.Ecr.AddRepository("web");
        var child = FakeEcr.Digest("web/child");
        var index = FakeEcr.Digest("web/index");
        _fixture.Ecr.AddImage("web", child, [], OperationFixture.At(1));
        _fixture.Ecr.AddImage("web", index, ["automation-master-1"], OperationFixture.At(1), mediaType: FakeEcr.OciIndexMediaType, manifest: IndexManifest(child));
        _fixture.Push("web", 2, "automation-master-2");
        _fixture.Push("web", 3, "automation-master-3");
        var options = OperationFixture.Options("--environment=automation-master", "--repository=web", "--keep=1");
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteOldestImages, options), FakeInUseCollector.Using(("web:automation-master-1", "prod/web")));

        await sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        var digests = _fixture.Ecr.Images("web").Select(i => i.Digest).ToList();
        Assert.Contains(index, digests);
        Assert.Contains(child, digests);
        Assert.Equal(["automation-master-1", "automation-master-3"], _fixture.Tags("web"));
    }

    [Fact]
    public async Task TheCheckRuns_WhileTheRepositoriesAreListedAndRead_AndEndsBeforeAnyIsPlanned()
    {
        // The repository list waits for the check to start, and the check for the images to be read: one after the
        // other, the run would wait for ever.
        var (checkStarted, imagesRead) = (new TaskCompletionSource(), new TaskCompletionSource());
        _fixture.Ecr.BeforeCall = async call =>
        {
            if (call.Operation == "DescribeRepositories")
            {
                await checkStarted.Task;
            }
            else if (call.Operation == "DescribeImages")
            {
                imagesRead.TrySetResult();
            }
        };
        var options = OperationFixture.Options("--environment=automation-master", "--all-repositories");
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);
        var collector = new WaitingCollector(checkStarted, imagesRead.Task, () => (_fixture.Ecr.CallCount("BatchDeleteImage"), report.Document.Repositories.Count));
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), report, collector);

        await sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["automation-master-4", "automation-master-5"], _fixture.Tags("api"));
        Assert.Equal((0, 0), collector.WhenItEnded);
    }

    [Fact]
    public async Task CheckThatFails_WhileTheImagesAreRead_StopsTheRun_BeforeAnyIsPlanned()
    {
        var imagesRead = new TaskCompletionSource();
        _fixture.Ecr.BeforeCall = call =>
        {
            if (call.Operation == "DescribeImages")
            {
                imagesRead.TrySetResult();
            }

            return ValueTask.CompletedTask;
        };

        var report = await RunWithACheckThatFailsAfterAsync(imagesRead.Task);

        Assert.DoesNotContain(report.Document.Repositories, r => r.Images.Count > 0);
        Assert.Equal("failed", InUseCheckOf(report).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CheckThatFails_AfterARepositoryFailedToBeRead_StillStopsTheRun()
    {
        var listingFailed = new TaskCompletionSource();
        _fixture.Ecr.Faults.When = call =>
        {
            if (call.Operation != "DescribeImages")
            {
                return null;
            }

            listingFailed.TrySetResult();
            return FakeEcrFault.Error(HttpStatusCode.BadRequest, "AccessDeniedException", "not authorized to perform ecr:DescribeImages");
        };

        var report = await RunWithACheckThatFailsAfterAsync(listingFailed.Task);

        Assert.Equal("failed", Assert.Single(report.Document.Repositories).Status);
    }

    // Runs DeleteOldestImages over every repository with an in-use check that fails once the signal comes, and checks
    // that the run stopped with the check's failure, nothing deleted.
    private async Task<RecordedRun> RunWithACheckThatFailsAfterAsync(Task signal)
    {
        var failure = new OperationFailedException(ExitCodes.InUseCheckFailed, "The in-use check could not read ECS: denied. Allow ecs:ListClusters.");
        var options = OperationFixture.Options("--environment=automation-master", "--all-repositories");
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);
        var collector = new WaitingCollector(new TaskCompletionSource(), signal, () => (0, 0), failure);
        var sut = new DeleteImagesOperation(_fixture.Ecr.CreateClient(), report, collector);

        var error = await Assert.ThrowsAsync<OperationFailedException>(
            () => sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Same(failure, error);
        Assert.Equal(0, _fixture.Ecr.CallCount("BatchDeleteImage"));
        Assert.Equal(5, _fixture.Tags("api").Count);
        return report;
    }

    private static string IndexManifest(params string[] children) => JsonSerializer.Serialize(new
    {
        schemaVersion = 2,
        mediaType = FakeEcr.OciIndexMediaType,
        manifests = children.Select(c => new { mediaType = "application/vnd.oci.image.manifest.v1+json", digest = c, size = 100 }),
    });

    private static JsonElement InUseCheckOf(RecordedRun report) =>
        JsonDocument.Parse(File.ReadAllText(report.Path)).RootElement.GetProperty("inUseCheck");

    // An in-use check that says it started, waits for a signal, notes what the run had done by then, and returns
    // (or fails).
    private sealed class WaitingCollector(
        TaskCompletionSource started, Task until, Func<(int Deletions, int RepositoriesPlanned)> observe, OperationFailedException? failure = null)
        : IInUseCollector
    {
        public (int Deletions, int RepositoriesPlanned)? WhenItEnded { get; private set; }

        public async Task<InUseImages> CollectAsync(CancellationToken cancellationToken)
        {
            started.TrySetResult();
            await until.WaitAsync(cancellationToken);
            WhenItEnded = observe();
            return failure is null ? InUseImages.None : throw failure;
        }
    }
}
