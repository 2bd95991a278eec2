using EcrUtils.Aws;
using EcrUtils.Connections;

namespace EcrUtils.Tests.Connections;

public sealed class EcrClientFactoryTests
{
    [Fact]
    public void Create_ReturnsClient_WithoutTouchingTheNetwork_WhenRegionAndEndpointAreSet()
    {
        var options = new AwsConnectionOptions
        {
            Region = "eu-west-1",
            GetEnvironmentVariable = name => name == "AWS_ENDPOINT_URL" ? "http://127.0.0.1:9" : null,
        };

        var client = EcrClientFactory.Create(options);

        Assert.NotNull(client);
    }

    [Fact]
    public void Create_Fails_WhenEndpointIsInvalid()
    {
        var options = new AwsConnectionOptions
        {
            Region = "eu-west-1",
            GetEnvironmentVariable = name => name == "AWS_ENDPOINT_URL_ECR" ? "127.0.0.1:5000" : null,
        };

        var error = Assert.Throws<AwsConfigurationException>(() => EcrClientFactory.Create(options));

        Assert.Contains("AWS_ENDPOINT_URL_ECR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Fails_WhenRegionOptionIsMalformed()
    {
        var options = new AwsConnectionOptions { Region = "Europe", GetEnvironmentVariable = _ => null };

        var error = Assert.Throws<AwsConfigurationException>(() => EcrClientFactory.Create(options));

        Assert.Contains("--region", error.Message, StringComparison.Ordinal);
    }
}
