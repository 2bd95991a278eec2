using EcrUtils.Options;

namespace EcrUtils.Tests.Options;

public sealed class EnvironmentListArgumentsTests
{
    [Fact]
    public void ListEnvironments_NeedsNoEnvironment_AndReadsItsOwnArguments()
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("all-repositories", "stale-after=30d", "environment-pattern=automation-[0-9a-f]{8}"));

        sut.Validate(EcrTask.ListEnvironments);

        Assert.Equal(TimeSpan.FromDays(30), sut.StaleAfter);
        Assert.Matches(sut.EnvironmentPattern!, "automation-3f2a9c1d");
        // The whole name must match.
        Assert.DoesNotMatch(sut.EnvironmentPattern!, "automation-3f2a9c1d-eu");
    }

    [Theory]
    [InlineData("environment=automation-master", "remove --environment, or pass --environment-pattern=<regex>")]
    [InlineData("preview", "--preview has no effect with ListEnvironments")]
    [InlineData("confirm=x", "--confirm has no effect with ListEnvironments")]
    [InlineData("archive", "--archive applies to DeleteOldestImages and DeleteAllImages only")]
    public void ListEnvironments_RefusesWhatWouldMeanAChange(string argument, string message)
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("all-repositories", argument));

        var error = Assert.Throws<OptionsException>(() => sut.Validate(EcrTask.ListEnvironments));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stale-after=30d")]
    [InlineData("environment-pattern=x")]
    public void ItsArguments_ApplyToListEnvironmentsOnly(string argument)
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("environment=automation-master", "repository=api", argument));

        var error = Assert.Throws<OptionsException>(() => sut.Validate(EcrTask.DeleteOldestImages));

        Assert.Contains("applies to ListEnvironments only", error.Message, StringComparison.Ordinal);
    }
}
