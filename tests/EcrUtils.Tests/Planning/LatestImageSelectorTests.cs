using EcrUtils.Ecr;
using EcrUtils.Images;
using EcrUtils.Planning;
using static EcrUtils.Tests.Planning.TestImages;

namespace EcrUtils.Tests.Planning;

public sealed class LatestImageSelectorTests
{
    private static readonly TagRules s_rules = TagRules.Create("am", null, null, []);

    [Fact]
    public void Select_ReturnsNewestImage_WithItsNonFloatingTag()
    {
        EcrImage[] images = [Image("d1", 1, "am-1"), Image("d2", 2, "am-latest", "am-2")];

        var sut = LatestImageSelector.Select(images, s_rules);

        Assert.NotNull(sut);
        Assert.Equal("sha256:d2", sut.Image.Digest);
        Assert.Equal("am-2", sut.Tag);
    }

    [Fact]
    public void Select_ReportsGreatestTagInNaturalOrder_WhenImageHasSeveral()
    {
        EcrImage[] images = [Image("d1", 1, "am-17", "am-9", "am-10")];

        var sut = LatestImageSelector.Select(images, s_rules);

        Assert.Equal("am-17", sut?.Tag);
    }

    [Fact]
    public void Select_IgnoresArchivedImages()
    {
        EcrImage[] images = [Image("d1", 1, "am-1"), Archived("d2", 2, "am-2")];

        var sut = LatestImageSelector.Select(images, s_rules);

        Assert.Equal("am-1", sut?.Tag);
    }

    [Fact]
    public void Select_IgnoresImagesHoldingOnlyFloatingTags()
    {
        EcrImage[] images = [Image("d1", 1, "am-1"), Image("d2", 2, "am-latest")];

        var sut = LatestImageSelector.Select(images, s_rules);

        Assert.Equal("sha256:d1", sut?.Image.Digest);
    }

    [Fact]
    public void Select_BreaksPushTimeTies_ByNaturalTagOrder()
    {
        EcrImage[] images = [Image("d9", 1, "am-9"), Image("d17", 1, "am-17"), Image("d10", 1, "am-10")];

        var sut = LatestImageSelector.Select(images, s_rules);

        Assert.Equal("am-17", sut?.Tag);
    }

    [Fact]
    public void Select_ReturnsTheEnvironmentsTag_OfAnImageSharedWithAnotherEnvironment()
    {
        EcrImage[] images = [Image("shared", 1, "other-8", "am-5")];

        var sut = LatestImageSelector.Select(images, s_rules);

        Assert.Equal("am-5", sut?.Tag);
    }

    [Fact]
    public void Select_DoesNotPickTagsOfALongerEnvironmentName()
    {
        var rules = TagRules.Create("prod", null, null, []);
        EcrImage[] images = [Image("own", 1, "prod-3"), Image("eu", 2, "prod-eu-4")];

        var sut = LatestImageSelector.Select(images, rules);

        Assert.Equal("prod-3", sut?.Tag);
    }

    [Fact]
    public void Select_ReturnsNull_WhenTheEnvironmentHasNoImage()
    {
        EcrImage[] images = [Image("untagged", 1), Image("foreign", 2, "other-1"), Archived("old", 3, "am-1"), Image("floating", 4, "am-latest")];

        var sut = LatestImageSelector.Select(images, s_rules);

        Assert.Null(sut);
    }

    [Fact]
    public void Select_ReturnsNull_ForEmptyRepository()
    {
        var sut = LatestImageSelector.Select([], s_rules);

        Assert.Null(sut);
    }

    [Fact]
    public void Select_PageByPage_FindsWhatTheWholeListingFinds()
    {
        var random = new Random(5);
        var images = Enumerable.Range(0, 2_500)
            .Select(i => Image($"d{i}", random.Next(0, 400), $"am-{i}", i % 7 == 0 ? "am-latest" : $"other-{i}"))
            .Concat([Archived("archived", 1_000, "am-9999")])
            .OrderBy(_ => random.Next())
            .ToList();

        LatestImage? sut = null;
        foreach (var page in images.Chunk(1000))
        {
            sut = LatestImageSelector.Select(sut, page, s_rules);
        }

        Assert.Equal(LatestImageSelector.Select(images, s_rules), sut);
    }

    [Fact]
    public void Select_PageByPage_KeepsTheTagsOfBothListings_OfAnImageListedTwice()
    {
        EcrImage[] first = [Image("d1", 1, "am-1"), Image("d2", 5, "am-2")];
        EcrImage[] second = [Image("d2", 5, "am-10"), Image("d3", 3, "am-3")];

        var sut = LatestImageSelector.Select(LatestImageSelector.Select(null, first, s_rules), second, s_rules);

        Assert.Equal("sha256:d2", sut?.Image.Digest);
        Assert.Equal("am-10", sut?.Tag);
        Assert.Equal(["am-2", "am-10"], sut?.Image.Tags);
    }
}
