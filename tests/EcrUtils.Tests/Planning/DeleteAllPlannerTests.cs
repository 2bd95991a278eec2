using EcrUtils.Ecr;
using EcrUtils.Images;
using EcrUtils.Planning;
using static EcrUtils.Tests.Planning.TestImages;

namespace EcrUtils.Tests.Planning;

public sealed class DeleteAllPlannerTests
{
    private static readonly TagRules s_rules = TagRules.Create("am", null, null, ["^release-"]);

    [Fact]
    public void Plan_RemovesEveryEnvironmentTag_IncludingFloatingOnes()
    {
        EcrImage[] images = [Image("d1", 1, "am-1"), Image("d2", 2, "am-2", "am-latest")];

        var sut = DeleteAllPlanner.Plan(images, s_rules);

        Assert.Empty(sut.Kept);
        Assert.Equal(["am-2", "am-latest"], sut.Removals[0].TagsToRemove);
        Assert.Equal(["am-1"], sut.Removals[1].TagsToRemove);
        Assert.All(sut.Removals, d => Assert.Equal("environment torn down", d.Reason));
        Assert.Equal(2, sut.ImagesDeleted);
        Assert.Equal(2_000, sut.BytesReclaimed);
    }

    [Fact]
    public void Plan_KeepsBothImagesOfATagListedTwice_AndRemovesTheRest()
    {
        EcrImage[] images = [Image("d1", 1, "am-1"), Image("d2", 2, "am-2"), Image("d3", 3, "am-1", "am-3")];

        var sut = DeleteAllPlanner.Plan(images, s_rules);

        Assert.Equal(["sha256:d2"], sut.Removals.Select(d => d.Image.Digest));
        Assert.Equal(["sha256:d3", "sha256:d1"], sut.Kept.Select(d => d.Image.Digest));
        Assert.All(sut.Kept, d => Assert.Contains("am-1 was also listed on another image", d.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_LeavesTagsOfOtherEnvironmentsAndOtherTags()
    {
        EcrImage[] images = [Image("shared", 1, "am-1", "other-3"), Image("floating", 2, "am-2", "latest")];

        var sut = DeleteAllPlanner.Plan(images, s_rules);

        Assert.Equal(["latest"], sut.Removals[0].RemainingTags);
        Assert.Equal(["other-3"], sut.Removals[1].RemainingTags);
        Assert.All(sut.Removals, d => Assert.False(d.DeletesImage));
        Assert.Equal(0, sut.BytesReclaimed);
    }

    [Fact]
    public void Plan_KeepsImagesHoldingAProtectedTag()
    {
        EcrImage[] images = [Image("d1", 1, "am-1", "release-1"), Image("d2", 2, "am-2")];

        var sut = DeleteAllPlanner.Plan(images, s_rules);

        var kept = Assert.Single(sut.Kept);
        Assert.Equal("sha256:d1", kept.Image.Digest);
        Assert.Equal("holds protected tag release-1", kept.Reason);
        Assert.Empty(kept.TagsToRemove);
    }

    [Fact]
    public void Plan_TearsArchivedImagesDownToo()
    {
        EcrImage[] images = [Archived("d1", 1, "am-1"), Image("d2", 2, "am-2")];

        var sut = DeleteAllPlanner.Plan(images, s_rules);

        Assert.Empty(sut.Kept);
        Assert.Equal(["sha256:d2", "sha256:d1"], sut.Removals.Select(d => d.Image.Digest));
        Assert.Equal("environment torn down; archived", sut.Removals[1].Reason);
    }

    [Fact]
    public void Plan_WithArchive_LeavesArchivedImagesAsTheyAre()
    {
        EcrImage[] images = [Archived("d1", 1, "am-1"), Image("d2", 2, "am-2")];

        var sut = DeleteAllPlanner.Plan(images, s_rules, new Retention(DateTimeOffset.UnixEpoch, Archive: true));

        Assert.Equal("archived", Assert.Single(sut.Kept).Reason);
        Assert.Equal("sha256:d2", Assert.Single(sut.Removals).Image.Digest);
    }

    [Fact]
    public void Plan_LeavesOutUntaggedAndForeignImages()
    {
        EcrImage[] images = [Image("untagged", 1), Image("foreign", 2, "other-1", "latest"), Image("d3", 3, "am-3")];

        var sut = DeleteAllPlanner.Plan(images, s_rules);

        Assert.Equal(["sha256:d3"], sut.Decisions.Select(d => d.Image.Digest));
    }

    [Fact]
    public void Plan_IsEmpty_ForEmptyRepository()
    {
        var sut = DeleteAllPlanner.Plan([], s_rules);

        Assert.Empty(sut.Decisions);
    }

    [Fact]
    public void Plan_LeavesTagsThatOnlyLookAlike_WhenEnvironmentHasADot()
    {
        var rules = TagRules.Create("v1.2", null, null, []);
        EcrImage[] images = [Image("lookalike", 1, "v1x2-1"), Image("own", 2, "v1.2-1")];

        var sut = DeleteAllPlanner.Plan(images, rules);

        Assert.Equal(["sha256:own"], sut.Decisions.Select(d => d.Image.Digest));
    }

    [Fact]
    public void Plan_LeavesImagesOfALongerEnvironmentName()
    {
        var rules = TagRules.Create("prod", null, null, []);
        EcrImage[] images = [Image("eu", 1, "prod-eu-4"), Image("own", 2, "prod-4")];

        var sut = DeleteAllPlanner.Plan(images, rules);

        Assert.Equal(["sha256:own"], sut.Decisions.Select(d => d.Image.Digest));
    }
}
