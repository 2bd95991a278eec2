using EcrUtils.Options;

namespace EcrUtils.Tests.Options;

public sealed class ArgumentSuggestionsTests
{
    [Theory]
    [InlineData("keep", "keep", 0)]
    [InlineData("kepe", "keep", 1)]
    [InlineData("enviroment", "environment", 1)]
    [InlineData("", "keep", 4)]
    [InlineData("region", "report", 4)]
    public void Distance_CountsEdits_WithNeighbourSwapsAsOne(string a, string b, int expected)
    {
        Assert.Equal(expected, ClosestNames.Distance(a, b));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("completely-unrelated")]
    public void Suggest_ReturnsNothing_WhenNothingIsClose(string name)
    {
        Assert.Empty(ArgumentSuggestions.Suggest(name));
    }

    [Theory]
    [InlineData("Enviroment", "environment")]
    [InlineData("protect", "protect-tag")]
    [InlineData("parallel", "max-parallel")]
    [InlineData("dry_run", "preview")]
    public void Suggest_ReturnsTheMeantName(string name, string expected)
    {
        Assert.Equal([expected], ArgumentSuggestions.Suggest(name));
    }

    [Fact]
    public void Suggest_OffersEveryNameAShortNameBegins_WhenItCouldMeanSeveral()
    {
        // --all could be --all-repositories (every task) or --all-archived (RestoreImages): both are offered.
        Assert.Equal(["all-archived", "all-repositories"], ArgumentSuggestions.Suggest("all"));
    }

    [Fact]
    public void EveryArgumentName_IsLowerCaseWithoutDashesAround()
    {
        Assert.All(ArgumentNames.All, name => Assert.Matches("^[a-z]+(-[a-z]+)*$", name));
        Assert.Empty(ArgumentNames.All.Intersect(ArgumentNames.CakeSwitches, StringComparer.OrdinalIgnoreCase));
    }
}
