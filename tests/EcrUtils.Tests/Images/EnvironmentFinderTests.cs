using EcrUtils.Images;

namespace EcrUtils.Tests.Images;

public sealed class EnvironmentFinderTests
{
    [Theory]
    [InlineData("automation-master-17", "automation-master")]
    [InlineData("automation-master-eu-4", "automation-master-eu")]
    [InlineData("automation-3f2a9c1d-4", "automation-3f2a9c1d")]
    [InlineData("automation-master-latest", "automation-master")]
    [InlineData("latest", null)]
    [InlineData("v1.2", null)]
    [InlineData("-4", null)]
    public void DefaultPattern_TheEnvironmentIsTheTagWithoutItsLastSegment(string tag, string? environment) =>
        Assert.Equal(environment, EnvironmentFinder.Create(null).Find(tag));

    [Theory]
    [InlineData("build-automation-master-17", "automation-master")]
    [InlineData("automation-master-17", null)]
    public void CustomPattern_TheEnvironmentIsWhatStandsForThePlaceholder(string tag, string? environment) =>
        Assert.Equal(environment, EnvironmentFinder.Create("^build-{environment}-[0-9]+$").Find(tag));

    [Fact]
    public void EveryEnvironmentFound_IsOneWhoseTagRulesTakeTheTag()
    {
        string[] tags = ["automation-master-17", "automation-master-eu-4", "a.b_c-1", "automation-3f2a9c1d-latest"];
        var sut = EnvironmentFinder.Create(null);

        Assert.All(tags, tag => Assert.True(TagRules.Create(sut.Find(tag)!, null, null, []).IsEnvironmentTag(tag), tag));
    }

    [Fact]
    public void APatternTheDeletingTasksRefuse_IsRefusedHereToo() =>
        Assert.Throws<ArgumentException>(() => EnvironmentFinder.Create("{environment}-[0-9]+"));
}
