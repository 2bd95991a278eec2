using EcrUtils.Planning;
using static EcrUtils.Tests.Planning.TestImages;

namespace EcrUtils.Tests.Planning;

public sealed class RepositoryPlanTests
{
    [Fact]
    public void Totals_CountOnlyImagesThatLoseTheirLastTag()
    {
        var gone = new ImageDecision(Image("gone", 1, "am-1") with { SizeInBytes = 300 }, ImageAction.Remove, ["am-1"], "r");
        var shared = new ImageDecision(Image("shared", 2, "am-2", "other-2") with { SizeInBytes = 50 }, ImageAction.Remove, ["am-2"], "r");
        var kept = new ImageDecision(Image("kept", 3, "am-3") with { SizeInBytes = 7 }, ImageAction.Keep, [], "k");

        var sut = new RepositoryPlan([gone, shared, kept]);

        Assert.Equal(1, sut.ImagesDeleted);
        Assert.Equal(300, sut.BytesReclaimed);
        Assert.Equal([gone, shared], sut.Removals);
        Assert.Equal([kept], sut.Kept);
    }

    [Fact]
    public void DeletesImage_IsFalse_ForAKeptImage()
    {
        var sut = new ImageDecision(Image("kept", 1, "am-1"), ImageAction.Keep, [], "k");

        Assert.False(sut.DeletesImage);
        Assert.Equal(["am-1"], sut.RemainingTags);
    }

    [Fact]
    public void DeletesImage_IsFalse_WhenNothingIsRemoved()
    {
        var sut = new ImageDecision(Image("odd", 1), ImageAction.Remove, [], "r");

        Assert.False(sut.DeletesImage);
    }
}
