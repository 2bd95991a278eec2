using EcrUtils.Ecr;
using EcrUtils.Images;
using EcrUtils.Planning;
using static EcrUtils.Tests.Planning.TestImages;

namespace EcrUtils.Tests.Planning;

public sealed class ImageRankingTests
{
    private static readonly TagRules s_rules = TagRules.Create("am", null, null, ["^release-"]);

    [Fact]
    public void NewestFirst_IsTheSame_WhetherPagesArriveOneByOneOrAllAtOnce()
    {
        EcrImage[] images =
        [
            Image("d3", 3, "am-3"), Image("d9", 9, "am-9"), Image("x1", 1, "other-1"), Image("d5", 5, "am-5", "am-latest"),
            Image("d7", 7, "am-7"), Image("d1", 1, "am-1"), Image("d8", 8, "am-8", "release-8"),
        ];
        var byPage = new ImageRanking(s_rules);

        foreach (var page in images.Chunk(3))
        {
            byPage.Add(page);
        }

        var whole = ImageRanking.Of(images, s_rules);
        Assert.Equal(["sha256:d9", "sha256:d8", "sha256:d7", "sha256:d5", "sha256:d3", "sha256:d1"], byPage.NewestFirst().Select(r => r.Image.Digest));
        Assert.Equal(whole.NewestFirst().Select(Describe), byPage.NewestFirst().Select(Describe));
    }

    [Fact]
    public void Add_RanksAnImageListedOnTwoPagesOnce_WithTheTagsOfBoth()
    {
        var sut = new ImageRanking(s_rules);

        sut.Add([Image("d1", 1, "am-1"), Image("d2", 2, "am-2")]);
        sut.Add([Image("d1", 1, "am-latest"), Image("d3", 3, "am-3")]);

        var d1 = Assert.Single(sut.Unordered(), r => r.Image.Digest == "sha256:d1");
        Assert.Equal(3, sut.Unordered().Count);
        Assert.Equal(["am-1", "am-latest"], d1.Image.Tags);
        Assert.Equal("am-latest", d1.FloatingTag);
        Assert.Equal("am-1", d1.GreatestFixedTag);
    }

    [Fact]
    public void Add_RanksAnImageWhoseEnvironmentTagCameOnItsSecondListing()
    {
        var sut = new ImageRanking(s_rules);

        sut.Add([Image("d1", 1, "other-1")]);
        Assert.Empty(sut.Unordered());

        sut.Add([Image("d1", 1, "am-1")]);
        var ranked = Assert.Single(sut.Unordered());
        Assert.Equal(["am-1"], ranked.EnvironmentTags);
        Assert.Equal(["other-1", "am-1"], ranked.Image.Tags);
    }

    [Fact]
    public void MovedTags_AreTheTagsListedOnTwoImages_NotThoseOfAnImageListedTwice()
    {
        var sut = new ImageRanking(s_rules);

        sut.Add([Image("d1", 1, "am-1", "other-1"), Image("d2", 2, "am-2")]);
        sut.Add([Image("d1", 1, "am-1"), Image("d3", 3, "am-3", "other-1")]);

        Assert.Equal(["other-1"], sut.MovedTags);
    }

    [Fact]
    public void Rank_ClassifiesEveryTagOnce_FloatingAndProtectedAmongAllTags()
    {
        var ranked = RankedImage.Rank(Image("d1", 1, "other-latest", "am-2", "am-10", "release-4", "am-latest"), s_rules)!;

        Assert.Equal(["am-2", "am-10", "am-latest"], ranked.EnvironmentTags);
        Assert.Equal("am-10", ranked.GreatestFixedTag);
        Assert.Equal("other-latest", ranked.FloatingTag);
        Assert.Equal("release-4", ranked.ProtectedTag);
    }

    [Fact]
    public void Rank_ReturnsNull_ForAnImageWithoutEnvironmentTags()
    {
        Assert.Null(RankedImage.Rank(Image("d1", 1, "other-1", "release-1"), s_rules));
    }

    private static string Describe(RankedImage r) =>
        $"{r.Image.Digest} [{string.Join(',', r.EnvironmentTags)}] {r.GreatestFixedTag} {r.FloatingTag} {r.ProtectedTag}";
}
