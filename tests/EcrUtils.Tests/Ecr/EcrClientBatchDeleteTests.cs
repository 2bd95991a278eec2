using EcrUtils.Ecr;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.Ecr;

public sealed class EcrClientBatchDeleteTests
{
    private static readonly DateTimeOffset s_pushedAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeEcr _ecr = new();

    public EcrClientBatchDeleteTests() => _ecr.AddRepository("team/api");

    [Fact]
    public async Task BatchDelete_Sends250TagsInThreeCallsOfAtMost100_AndReportsEachCall()
    {
        for (var i = 0; i < 250; i++)
        {
            _ecr.AddImage("team/api", FakeEcr.Digest($"image-{i}"), [$"dev-{i}"], s_pushedAt);
        }

        List<BatchDeleteResult> batches = [];
        var sut = _ecr.CreateClient();

        var result = await sut.BatchDeleteImageAsync(
            null,
            "team/api",
            [.. Enumerable.Range(0, 250).Select(i => ImageId.ForTag($"dev-{i}"))],
            (batch, _) =>
            {
                batches.Add(batch);
                return ValueTask.CompletedTask;
            },
            CancellationToken.None);

        Assert.Equal([100, 100, 50], _ecr.Calls.Select(c => c.Body["imageIds"]!.AsArray().Count));
        Assert.Equal([100, 100, 50], batches.Select(b => b.Deleted.Count));
        Assert.Equal(250, result.Deleted.Count);
        Assert.Empty(result.Failures);
        Assert.Empty(_ecr.Images("team/api"));
    }

    [Fact]
    public async Task BatchDelete_ByTag_RemovesOnlyThatTag_AndReportsItsDigest()
    {
        var digest = FakeEcr.Digest("shared");
        _ecr.AddImage("team/api", digest, ["dev-1", "prod-1"], s_pushedAt);
        var sut = _ecr.CreateClient();

        var result = await sut.BatchDeleteImageAsync(null, "team/api", [ImageId.ForTag("dev-1")], null, CancellationToken.None);

        Assert.Equal([new DeletedImage("dev-1", digest)], result.Deleted);
        Assert.Equal(["prod-1"], Assert.Single(_ecr.Images("team/api")).Tags);
    }

    [Fact]
    public async Task BatchDelete_SendsEachIdWithTagOrDigestAlone()
    {
        _ecr.AddImage("team/api", FakeEcr.Digest("tagged"), ["dev-1"], s_pushedAt);
        _ecr.AddImage("team/api", FakeEcr.Digest("untagged"), [], s_pushedAt);
        var sut = _ecr.CreateClient();

        await sut.BatchDeleteImageAsync(
            null, "team/api", [ImageId.ForTag("dev-1"), ImageId.ForDigest(FakeEcr.Digest("untagged"))], null, CancellationToken.None);

        var ids = Assert.Single(_ecr.Calls).Body["imageIds"]!.AsArray();
        Assert.Equal(["imageTag", "imageDigest"], ids.Select(id => Assert.Single(id!.AsObject()).Key));
        Assert.Empty(_ecr.Images("team/api"));
        Assert.Empty(_ecr.Violations);
    }

    [Fact]
    public async Task BatchDelete_ReportsFailuresPerImage_AgainstTheIdsThatWereSent()
    {
        var child = FakeEcr.Digest("child");
        _ecr.AddImage("team/api", child, [], s_pushedAt);
        _ecr.AddImage("team/api", FakeEcr.Digest("index"), ["dev-2"], s_pushedAt, mediaType: FakeEcr.OciIndexMediaType,
            manifest: $$"""{"schemaVersion":2,"manifests":[{"digest":"{{child}}"}]}""");
        _ecr.AddImage("team/api", FakeEcr.Digest("other"), ["dev-3"], s_pushedAt);
        var sut = _ecr.CreateClient();

        var result = await sut.BatchDeleteImageAsync(
            null,
            "team/api",
            [ImageId.ForTag("dev-1"), ImageId.ForDigest(child), ImageId.ForTag("dev-3")],
            null,
            CancellationToken.None);

        Assert.Equal(
            [
                new ImageFailure(ImageId.ForTag("dev-1"), ImageFailure.ImageNotFound, "Requested image not found"),
                new ImageFailure(ImageId.ForDigest(child), ImageFailure.ImageReferencedByManifestList, "Requested image is referenced by a manifest list"),
            ],
            result.Failures);
        Assert.Equal([new DeletedImage("dev-3", FakeEcr.Digest("other"))], result.Deleted);
    }

    [Fact]
    public async Task BatchDelete_MakesNoCall_WhenThereIsNothingToDelete()
    {
        var sut = _ecr.CreateClient();

        var result = await sut.BatchDeleteImageAsync(null, "team/api", [], null, CancellationToken.None);

        Assert.Empty(result.Deleted);
        Assert.Empty(result.Failures);
        Assert.Equal(0, _ecr.CallCount(EcrOperation.BatchDeleteImage));
    }

    [Fact]
    public async Task BatchDelete_SeesTheTagMoved_WhenAnotherPipelinePushesBetweenCalls()
    {
        for (var i = 0; i < 101; i++)
        {
            _ecr.AddImage("team/api", FakeEcr.Digest($"image-{i}"), [$"dev-{i}"], s_pushedAt);
        }

        _ecr.AddImage("team/api", FakeEcr.Digest("new"), [], s_pushedAt.AddHours(1));
        _ecr.BeforeCall = call =>
        {
            if (call.Number == 2)
            {
                _ecr.MoveTag("team/api", "dev-100", FakeEcr.Digest("new"));
            }

            return ValueTask.CompletedTask;
        };
        var sut = _ecr.CreateClient();

        var result = await sut.BatchDeleteImageAsync(
            null, "team/api", [.. Enumerable.Range(0, 101).Select(i => ImageId.ForTag($"dev-{i}"))], null, CancellationToken.None);

        Assert.Equal(new DeletedImage("dev-100", FakeEcr.Digest("new")), result.Deleted[^1]);
    }
}
