using EcrUtils.Tests.Operations;

namespace EcrUtils.Tests.Options;

public sealed class RetryOptionsTests
{
    [Fact]
    public void RetryOptions_HaveSafeDefaults()
    {
        var sut = OperationFixture.Options("--environment=automation-master", "--repository=api");

        Assert.Equal((6, TimeSpan.FromSeconds(30), 4), (sut.MaxRetries, sut.RequestTimeout, sut.MaxParallel));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("10", 10)]
    [InlineData("20", 20)]
    public void MaxRetries_AcceptsZeroToTwenty(string value, int expected)
    {
        var sut = OperationFixture.Options("--environment=automation-master", "--repository=api", $"--max-retries={value}");

        Assert.Equal(expected, sut.MaxRetries);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("120", 120)]
    public void RequestTimeout_IsInSeconds(string value, int expectedSeconds)
    {
        var sut = OperationFixture.Options("--environment=automation-master", "--repository=api", $"--request-timeout={value}");

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), sut.RequestTimeout);
    }
}
