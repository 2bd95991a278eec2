using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Planning;
using EcrUtils.Reporting;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.Operations;

/// <summary>Deletions of multi-arch images and companions against the fake, which refuses what ECR refuses.</summary>
public sealed class MultiArchDeletionTests : IDisposable
{
    private const long ImageSize = 1_000_000;
    private readonly OperationFixture _fixture = new();
    private readonly EcrOptions _deleteOldest = OperationFixture.Options("--environment=automation-master", "--repository=api", "--keep=1");

    public MultiArchDeletionTests() => _fixture.Ecr.AddRepository("api");

    private FakeEcr Ecr => _fixture.Ecr;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task DeleteOldest_DeletesTheOldIndexWithItsChildren_ButKeepsTheChildThatTheKeptIndexShares()
    {
        var (oldChild, shared, newChild) = (FakeEcr.Digest("old-amd64"), FakeEcr.Digest("shared-arm64"), FakeEcr.Digest("new-amd64"));
        var oldIndex = Ecr.AddIndex("api", "old", ["automation-master-1"], OperationFixture.At(1), [oldChild, shared]);
        var newIndex = Ecr.AddIndex("api", "new", ["automation-master-2"], OperationFixture.At(2), [newChild, shared]);
        var report = _fixture.Report(EcrTask.DeleteOldestImages, _deleteOldest);
        var sut = new DeleteImagesOperation(Ecr.CreateClient(), report);

        await sut.RunAsync(_deleteOldest, EcrTask.DeleteOldestImages, CancellationToken.None);

        var result = Assert.Single(_fixture.Results);

        Assert.Equal(new[] { shared, newChild, newIndex }.Order(StringComparer.Ordinal), Digests());
        Assert.False(result.HasFailures);
        Assert.Equal([oldChild], result.RelatedDeleted!.Select(d => d.Image.Digest));
        Assert.Equal(2 * ImageSize, result.BytesReclaimed);
        var repository = Assert.Single(report.Document.Repositories);
        Assert.Equal((2, 2 * ImageSize), (repository.ImagesDeleted, repository.BytesReclaimed));
        var related = report.Document.Repositories[0].Images.Single(i => i.Digest == oldIndex).Related;
        Assert.Equal(("child", oldIndex, "delete", "deleted"), Describe(related.Single(r => r.Digest == oldChild)));
        Assert.Equal(("child", oldIndex, "keep", "kept"), Describe(related.Single(r => r.Digest == shared)));
        Assert.Equal(2, Ecr.CallCount("BatchDeleteImage"));
        Assert.Equal(oldChild, Assert.Single(Ecr.Calls[^1].Body["imageIds"]!.AsArray())!["imageDigest"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteOldest_DeletesTheChildrenOfAWave_SeveralBatchesAtOnce()
    {
        List<string> children = [.. Enumerable.Range(0, 150).Select(i => FakeEcr.Digest($"old-{i}"))];
        Ecr.AddIndex("api", "old", ["automation-master-1"], OperationFixture.At(1), children);
        var newIndex = Ecr.AddIndex("api", "new", ["automation-master-2"], OperationFixture.At(2), [FakeEcr.Digest("new-amd64")]);
        // The children's first batch (the second deletion call, after the index's tag) is answered only once their second
        // batch came: one batch after the other, the run would wait for ever.
        var secondBatchCame = new TaskCompletionSource();
        Ecr.BeforeCall = async call =>
        {
            if (call.Operation == "BatchDeleteImage" && call.Number == 3)
            {
                secondBatchCame.TrySetResult();
            }
            else if (call.Operation == "BatchDeleteImage" && call.Number == 2)
            {
                await secondBatchCame.Task;
            }
        };
        var sut = new DeleteImagesOperation(Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteOldestImages, _deleteOldest));

        await sut.RunAsync(_deleteOldest, EcrTask.DeleteOldestImages, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var result = Assert.Single(_fixture.Results);

        Assert.False(result.HasFailures);
        Assert.Equal(150, result.RelatedDeleted!.Count);
        Assert.Equal(new[] { FakeEcr.Digest("new-amd64"), newIndex }.Order(StringComparer.Ordinal), Digests());
        Assert.Equal(3, Ecr.CallCount("BatchDeleteImage"));
    }

    [Fact]
    public async Task DeleteOldest_DeletesTheSignaturesOfTheDeletedImage_AndLeavesTheKeptImagesSignatureAndStrayImagesAlone()
    {
        var old = _fixture.Push("api", 1, "automation-master-1");
        var kept = _fixture.Push("api", 2, "automation-master-2");
        _fixture.PushSeeded("api", "old-sig", 1, CompanionTags.For(old, "sig"));
        _fixture.PushSeeded("api", "old-att", 1, CompanionTags.For(old, "att"));
        var keptSignature = _fixture.PushSeeded("api", "kept-sig", 2, CompanionTags.For(kept, "sig"));
        var stray = _fixture.PushSeeded("api", "stray", 0);
        var sut = new DeleteImagesOperation(Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteOldestImages, _deleteOldest));

        await sut.RunAsync(_deleteOldest, EcrTask.DeleteOldestImages, CancellationToken.None);

        var result = Assert.Single(_fixture.Results);

        Assert.Equal(new[] { kept, keptSignature, stray }.Order(StringComparer.Ordinal), Digests());
        Assert.Equal(2, result.RelatedDeleted!.Count);
        Assert.Equal(0, Ecr.CallCount("BatchGetImage"));
        var companionIds = Ecr.Calls[^1].Body["imageIds"]!.AsArray().Select(id => id!.AsObject()).ToList();
        Assert.All(companionIds, id => Assert.Equal(["imageTag"], id.Select(p => p.Key)));
    }

    [Fact]
    public async Task Preview_ShowsTheChildrenAndCompanionsThatWouldGo_UnderTheirParent_AndDeletesNothing()
    {
        var oldChild = FakeEcr.Digest("old-amd64");
        var oldIndex = Ecr.AddIndex("api", "old", ["automation-master-1"], OperationFixture.At(1), [oldChild]);
        _fixture.PushSeeded("api", "old-sig", 1, CompanionTags.For(oldIndex, "sig"));
        Ecr.AddIndex("api", "new", ["automation-master-2"], OperationFixture.At(2), [FakeEcr.Digest("new-amd64")]);
        var before = Digests();
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--keep=1", "--preview");
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);
        var sut = new DeleteImagesOperation(Ecr.CreateClient(), report);

        await sut.RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        Assert.Equal(before, Digests());
        Assert.Equal(0, Ecr.CallCount("BatchDeleteImage"));
        var repository = Assert.Single(report.Document.Repositories);
        Assert.Equal((3, 3 * ImageSize), (repository.ImagesDeleted, repository.BytesReclaimed));
        var related = repository.Images.Single(i => i.Digest == oldIndex).Related;
        Assert.Equal(["child", "companion"], related.Select(r => r.Kind).Order(StringComparer.Ordinal));
        Assert.All(related, r => Assert.Equal(("delete", "planned"), (r.Action, r.Outcome)));
    }

    [Fact]
    public async Task ARepositoryWithoutIndexes_IsDescribedOnce_AndNoManifestIsRead()
    {
        for (var i = 1; i <= 5; i++)
        {
            _fixture.Push("api", i, $"automation-master-{i}");
        }

        var sut = new DeleteImagesOperation(Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteOldestImages, _deleteOldest));

        await sut.RunAsync(_deleteOldest, EcrTask.DeleteOldestImages, CancellationToken.None);

        Assert.Single(Ecr.Images("api"));
        Assert.Equal((1, 0, 1), (Ecr.CallCount("DescribeImages"), Ecr.CallCount("BatchGetImage"), Ecr.CallCount("BatchDeleteImage")));
    }

    [Fact]
    public async Task DeleteAll_Of150Indexes_ReadsTheirManifestsInTwoCalls_AndDeletesIndexesBeforeChildren()
    {
        for (var i = 1; i <= 150; i++)
        {
            Ecr.AddIndex("api", $"index-{i}", [$"automation-master-{i}"], OperationFixture.At(i), [FakeEcr.Digest($"child-{i}")]);
        }

        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--confirm=automation-master");
        var sut = new DeleteImagesOperation(Ecr.CreateClient(), _fixture.Report(EcrTask.DeleteAllImages, options));

        await sut.RunAsync(options, EcrTask.DeleteAllImages, CancellationToken.None);

        var result = Assert.Single(_fixture.Results);

        Assert.Empty(Ecr.Images("api"));
        Assert.False(result.HasFailures);
        Assert.Equal((2, 2, 4), (Ecr.CallCount("DescribeImages"), Ecr.CallCount("BatchGetImage"), Ecr.CallCount("BatchDeleteImage")));
        Assert.All(Ecr.Calls.Where(c => c.Operation == "BatchGetImage"), c => Assert.Equal(4, c.Body["acceptedMediaTypes"]!.AsArray().Count));
        var deletions = Ecr.Calls.Where(c => c.Operation == "BatchDeleteImage").Select(c => c.Body["imageIds"]!.AsArray()[0]!.AsObject().First().Key);
        Assert.Equal(["imageTag", "imageTag", "imageDigest", "imageDigest"], deletions);
    }

    [Fact]
    public async Task AChildThatAnIndexPushedMeanwhileLists_IsKeptWhenEcrRefuses_AndIsNoFailure()
    {
        var child = FakeEcr.Digest("old-amd64");
        var oldIndex = Ecr.AddIndex("api", "old", ["automation-master-1"], OperationFixture.At(1), [child]);
        Ecr.AddIndex("api", "new", ["automation-master-2"], OperationFixture.At(2), []);
        Ecr.BeforeCall = call =>
        {
            if (call.Operation == "BatchDeleteImage" && call.Number == 2)
            {
                // Another pipeline pushes an index that reuses the child after the cleanup looked at the repository.
                Ecr.AddIndex("api", "other", ["automation-3f2a9c1d-1"], OperationFixture.At(3), [child]);
            }

            return ValueTask.CompletedTask;
        };
        var report = _fixture.Report(EcrTask.DeleteOldestImages, _deleteOldest);
        var sut = new DeleteImagesOperation(Ecr.CreateClient(), report);

        await sut.RunAsync(_deleteOldest, EcrTask.DeleteOldestImages, CancellationToken.None);

        var result = Assert.Single(_fixture.Results);

        Assert.Contains(Ecr.Images("api"), i => i.Digest == child);
        Assert.False(result.HasFailures);
        var related = Assert.Single(report.Document.Repositories[0].Images.Single(i => i.Digest == oldIndex).Related);
        Assert.Equal(("delete", "kept"), (related.Action, related.Outcome));
        Assert.Contains("ImageReferencedByManifestList", related.Reason, StringComparison.Ordinal);
        Assert.Equal("done", report.Document.Repositories[0].Status);
    }

    [Fact]
    public async Task ATaggedChildOfTheKeptIndex_IsKept_AndItsTagIsNeverSent()
    {
        var child = _fixture.PushSeeded("api", "amd64", 1, "automation-master-1.amd64");
        Ecr.AddIndex("api", "new", ["automation-master-2"], OperationFixture.At(2), [child]);
        var report = _fixture.Report(EcrTask.DeleteOldestImages, _deleteOldest);
        var sut = new DeleteImagesOperation(Ecr.CreateClient(), report);

        await sut.RunAsync(_deleteOldest, EcrTask.DeleteOldestImages, CancellationToken.None);

        var result = Assert.Single(_fixture.Results);

        Assert.Equal(["automation-master-1.amd64", "automation-master-2"], _fixture.Tags("api"));
        Assert.Equal(0, Ecr.CallCount("BatchDeleteImage"));
        Assert.False(result.HasFailures);
        Assert.StartsWith("listed by index", report.Document.Repositories[0].Images.Single(i => i.Digest == child).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedCleanupCall_FailsTheRepository_AndTheChildStays()
    {
        var child = FakeEcr.Digest("old-amd64");
        Ecr.AddIndex("api", "old", ["automation-master-1"], OperationFixture.At(1), [child]);
        Ecr.AddIndex("api", "new", ["automation-master-2"], OperationFixture.At(2), []);
        Ecr.Faults.When = call => call.Operation == "BatchDeleteImage" && call.Number == 2
            ? FakeEcrFault.Error(System.Net.HttpStatusCode.BadRequest, "AccessDeniedException", "not authorized to perform ecr:BatchDeleteImage")
            : null;
        var report = _fixture.Report(EcrTask.DeleteOldestImages, _deleteOldest);
        var sut = new DeleteImagesOperation(Ecr.CreateClient(), report);

        await sut.RunAsync(_deleteOldest, EcrTask.DeleteOldestImages, CancellationToken.None);

        var result = Assert.Single(_fixture.Results);

        Assert.True(result.HasFailures);
        Assert.Contains("AccessDeniedException", result.Error, StringComparison.Ordinal);
        Assert.Contains(Ecr.Images("api"), i => i.Digest == child);
    }

    private IReadOnlyList<string> Digests() => [.. Ecr.Images("api").Select(i => i.Digest).Order(StringComparer.Ordinal)];

    private static (string, string, string, string) Describe(RelatedImageReport related) => (related.Kind, related.Parent, related.Action, related.Outcome);
}
