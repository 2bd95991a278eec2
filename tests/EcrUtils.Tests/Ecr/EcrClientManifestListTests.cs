using EcrUtils.Ecr;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.Ecr;

/// <summary>The fake refuses, as ECR does, to delete a manifest that an index which stays still lists.</summary>
public sealed class EcrClientManifestListTests
{
    private static readonly DateTimeOffset s_pushedAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeEcr _ecr = new();
    private readonly string _child = FakeEcr.Digest("child");

    public EcrClientManifestListTests() => _ecr.AddRepository("team/api");

    [Fact]
    public async Task DeletingAListedChildByDigest_FailsWithImageReferencedByManifestList_AndKeepsIt()
    {
        _ecr.AddIndex("team/api", "index", ["dev-1"], s_pushedAt, [_child]);
        var sut = _ecr.CreateClient();

        var result = await sut.BatchDeleteImageAsync(null, "team/api", [ImageId.ForDigest(_child)], null, CancellationToken.None);

        Assert.Equal(ImageFailure.ImageReferencedByManifestList, Assert.Single(result.Failures).Code);
        Assert.Empty(result.Deleted);
        Assert.Contains(_ecr.Images("team/api"), i => i.Digest == _child);
    }

    [Fact]
    public async Task RemovingTheLastTagOfAListedImage_FailsWithImageReferencedByManifestList_AndKeepsTheTag()
    {
        _ecr.AddImage("team/api", _child, ["dev-1-amd64"], s_pushedAt);
        _ecr.AddIndex("team/api", "index", ["dev-1"], s_pushedAt, [_child]);
        var sut = _ecr.CreateClient();

        var result = await sut.BatchDeleteImageAsync(null, "team/api", [ImageId.ForTag("dev-1-amd64")], null, CancellationToken.None);

        var failure = Assert.Single(result.Failures);
        Assert.Equal((ImageId.ForTag("dev-1-amd64"), ImageFailure.ImageReferencedByManifestList), (failure.ImageId, failure.Code));
        Assert.Equal(["dev-1-amd64"], _ecr.Images("team/api").Single(i => i.Digest == _child).Tags);
    }

    [Fact]
    public async Task RemovingOneOfTheTagsOfAListedImage_Succeeds()
    {
        _ecr.AddImage("team/api", _child, ["dev-1-amd64", "dev-2-amd64"], s_pushedAt);
        _ecr.AddIndex("team/api", "index", ["dev-1"], s_pushedAt, [_child]);
        var sut = _ecr.CreateClient();

        var result = await sut.BatchDeleteImageAsync(null, "team/api", [ImageId.ForTag("dev-1-amd64")], null, CancellationToken.None);

        Assert.Empty(result.Failures);
        Assert.Equal(["dev-2-amd64"], _ecr.Images("team/api").Single(i => i.Digest == _child).Tags);
    }

    [Fact]
    public async Task AChild_CanBeDeleted_OnceItsIndexIsGone()
    {
        _ecr.AddIndex("team/api", "index", ["dev-1"], s_pushedAt, [_child]);
        var sut = _ecr.CreateClient();

        var indexResult = await sut.BatchDeleteImageAsync(null, "team/api", [ImageId.ForTag("dev-1")], null, CancellationToken.None);
        var childResult = await sut.BatchDeleteImageAsync(null, "team/api", [ImageId.ForDigest(_child)], null, CancellationToken.None);

        Assert.Empty(indexResult.Failures);
        Assert.Empty(childResult.Failures);
        Assert.Empty(_ecr.Images("team/api"));
    }

    [Fact]
    public async Task AChildThatAnotherIndexStillLists_StaysWhenOneIndexGoes()
    {
        _ecr.AddIndex("team/api", "old", ["dev-1"], s_pushedAt, [_child]);
        _ecr.AddIndex("team/api", "new", ["dev-2"], s_pushedAt, [_child]);
        var sut = _ecr.CreateClient();

        await sut.BatchDeleteImageAsync(null, "team/api", [ImageId.ForTag("dev-1")], null, CancellationToken.None);
        var result = await sut.BatchDeleteImageAsync(null, "team/api", [ImageId.ForDigest(_child)], null, CancellationToken.None);

        Assert.Equal(ImageFailure.ImageReferencedByManifestList, Assert.Single(result.Failures).Code);
        Assert.Equal(2, _ecr.Images("team/api").Count);
    }
}
