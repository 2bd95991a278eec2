using EcrUtils.Options;

namespace EcrUtils.Tests.Options;

public sealed class RetentionArgumentsTests
{
    [Fact]
    public void Retention_IsOffByDefault()
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("environment=am", "repository=api"));

        Assert.Equal((null, null, false), (sut.OlderThan, sut.KeepPulledWithin, sut.Archive));
    }

    [Theory]
    [InlineData("older-than=14d", 14 * 24)]
    [InlineData("older-than=36h", 36)]
    [InlineData("older-than=1h", 1)]
    [InlineData("keep-pulled-within=2d", 48)]
    public void Durations_AreWholeDaysOrHours(string argument, int hours)
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("environment=am", "repository=api", argument));

        Assert.Equal(TimeSpan.FromHours(hours), sut.OlderThan ?? sut.KeepPulledWithin);
    }

    [Theory]
    [InlineData("older-than=abc")]
    [InlineData("older-than=-3d")]
    [InlineData("older-than=0d")]
    [InlineData("older-than=7x")]
    [InlineData("older-than=7")]
    [InlineData("older-than=1.5d")]
    [InlineData("older-than=7D")]
    [InlineData("keep-pulled-within=2 d")]
    public void Durations_ThatAreNone_SayWhatToWrite(string argument)
    {
        var error = Assert.Throws<OptionsException>(() => EcrOptionsParser.Parse(Arguments.Of("environment=am", argument)));

        Assert.Contains("is not a duration: write a positive whole number of days or hours, e.g.", error.Message, StringComparison.Ordinal);
        Assert.Contains("=14d or --", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duration_LongerThanACentury_IsRefused()
    {
        var error = Assert.Throws<OptionsException>(() => EcrOptionsParser.Parse(Arguments.Of("environment=am", "older-than=999999d")));

        Assert.Contains("--older-than=999999d is longer than 36500 days", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("older-than=14d")]
    [InlineData("keep-pulled-within=7d")]
    [InlineData("archive")]
    public void RetentionArguments_ApplyToTheDeletingTasksOnly(string argument)
    {
        var sut = EcrOptionsParser.Parse(Arguments.Of("environment=am", "repository=api", argument));

        var error = Assert.Throws<OptionsException>(() => sut.Validate(EcrTask.GetLatestImages));

        Assert.Contains("applies to DeleteOldestImages and DeleteAllImages only", error.Message, StringComparison.Ordinal);
        sut.Validate(EcrTask.DeleteOldestImages);
        EcrOptionsParser.Parse(Arguments.Of("environment=am", "repository=api", "confirm=am", argument)).Validate(EcrTask.DeleteAllImages);
    }
}
