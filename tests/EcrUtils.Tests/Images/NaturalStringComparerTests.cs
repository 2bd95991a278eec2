using EcrUtils.Images;

namespace EcrUtils.Tests.Images;

public sealed class NaturalStringComparerTests
{
    [Theory]
    [InlineData("env-9", "env-17")]
    [InlineData("env-2", "env-10")]
    [InlineData("env-1", "env-1a")]
    [InlineData("env-a", "env-b")]
    [InlineData("env-9.9", "env-9.10")]
    [InlineData("env-99999999999999999999", "env-100000000000000000000")]
    [InlineData("env-007", "env-7")]
    [InlineData(null, "env-1")]
    public void Compare_OrdersFirstBeforeSecond(string? first, string? second)
    {
        var sut = NaturalStringComparer.Instance;

        Assert.True(sut.Compare(first, second) < 0);
        Assert.True(sut.Compare(second, first) > 0);
    }

    [Theory]
    [InlineData("env-17")]
    [InlineData("")]
    [InlineData(null)]
    public void Compare_ReturnsZero_ForEqualStrings(string? value)
    {
        var sut = NaturalStringComparer.Instance;

        Assert.Equal(0, sut.Compare(value, value is null ? null : new string(value.AsSpan())));
    }

    [Fact]
    public void Sort_PutsNumbersInNumericOrder()
    {
        var sut = NaturalStringComparer.Instance;
        List<string> tags = ["env-10", "env-9", "env-100", "env-1", "env-latest"];

        tags.Sort(sut);

        Assert.Equal(["env-1", "env-9", "env-10", "env-100", "env-latest"], tags);
    }
}
