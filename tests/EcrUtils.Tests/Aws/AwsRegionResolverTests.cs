using EcrUtils.Aws;

namespace EcrUtils.Tests.Aws;

public sealed class AwsRegionResolverTests
{
    [Theory]
    [InlineData("eu-west-1", "us-east-1", "us-east-2", "ap-south-1", "eu-west-1")]
    [InlineData(null, "us-east-1", "us-east-2", "ap-south-1", "us-east-1")]
    [InlineData(" ", "", "us-east-2", "ap-south-1", "us-east-2")]
    [InlineData(null, null, null, "ap-south-1", "ap-south-1")]
    [InlineData(null, " cn-north-1 ", null, null, "cn-north-1")]
    public void Resolve_TakesOptionThenAwsRegionThenDefaultRegionThenFallback(
        string? option, string? awsRegion, string? awsDefaultRegion, string? fallback, string expected)
    {
        var environment = Environment(("AWS_REGION", awsRegion), ("AWS_DEFAULT_REGION", awsDefaultRegion));

        var region = AwsRegionResolver.Resolve(option, environment, () => fallback);

        Assert.Equal(expected, region);
    }

    [Fact]
    public void Resolve_DoesNotAskFallback_WhenEnvironmentHasRegion()
    {
        var region = AwsRegionResolver.Resolve(null, Environment(("AWS_DEFAULT_REGION", "eu-central-1")), () => throw new InvalidOperationException());

        Assert.Equal("eu-central-1", region);
    }

    [Fact]
    public void Resolve_SaysHowToSetRegion_WhenNoneIsFound()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => AwsRegionResolver.Resolve(null, Environment(), () => null));

        Assert.Contains("--region", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EU-WEST-1", "--region")]
    [InlineData("eu west 1", "--region")]
    [InlineData("https://eu-west-1", "--region")]
    public void Resolve_NamesTheSource_WhenRegionIsMalformed(string option, string source)
    {
        var error = Assert.Throws<AwsConfigurationException>(() => AwsRegionResolver.Resolve(option, Environment(), () => null));

        Assert.Contains(source, error.Message, StringComparison.Ordinal);
        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NamesTheVariable_WhenEnvironmentRegionIsMalformed()
    {
        var error = Assert.Throws<AwsConfigurationException>(
            () => AwsRegionResolver.Resolve(null, Environment(("AWS_DEFAULT_REGION", "Ireland")), () => null));

        Assert.Contains("AWS_DEFAULT_REGION", error.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Environment(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
