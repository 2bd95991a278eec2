using EcrUtils.Images;

namespace EcrUtils.Tests.Images;

public sealed class EnvironmentNameTests
{
    [Theory]
    [InlineData("automation-master")]
    [InlineData("prod")]
    [InlineData("a")]
    [InlineData("_scratch")]
    [InlineData("release.2")]
    [InlineData("Feature_X-1")]
    public void Validate_AcceptsName_WhenItIsATagPrefix(string name)
    {
        var error = EnvironmentName.Validate(name);

        Assert.Null(error);
    }

    [Fact]
    public void Validate_Accepts126Characters_SoThatTagsFitInto128()
    {
        var error = EnvironmentName.Validate(new string('a', 126));

        Assert.Null(error);
    }

    [Fact]
    public void Validate_Rejects127Characters_WhichLeaveNoRoomForASeparatorAndASuffix()
    {
        var error = EnvironmentName.Validate(new string('a', 127));

        Assert.NotNull(error);
        Assert.Contains("128-character limit", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("-leading-dash")]
    [InlineData(".leading-dot")]
    [InlineData("with space")]
    [InlineData("team/env")]
    [InlineData("env:1")]
    [InlineData("umlaut-ä")]
    [InlineData("line\nbreak")]
    [InlineData("env*")]
    public void Validate_RejectsName_WhenItIsNoTagPrefix(string? name)
    {
        var error = EnvironmentName.Validate(name);

        Assert.NotNull(error);
        Assert.Contains("A-Z, a-z, 0-9", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Rejects128Characters_SayingWhy()
    {
        var error = EnvironmentName.Validate(new string('a', 128));

        Assert.NotNull(error);
        Assert.Contains("128-character", error, StringComparison.Ordinal);
    }
}
