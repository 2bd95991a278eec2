using EcrUtils.Aws;

namespace EcrUtils.Tests.Aws;

public sealed class EcrEndpointResolverTests
{
    [Theory]
    [InlineData("eu-west-1", "https://api.ecr.eu-west-1.amazonaws.com/")]
    [InlineData("us-gov-west-1", "https://api.ecr.us-gov-west-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://api.ecr.cn-north-1.amazonaws.com.cn/")]
    [InlineData("cn-northwest-1", "https://api.ecr.cn-northwest-1.amazonaws.com.cn/")]
    public void Resolve_UsesRegionalEndpoint_WhenNoneIsConfigured(string region, string expected)
    {
        var endpoint = EcrEndpointResolver.Resolve(region, Environment());

        Assert.Equal(new Uri(expected), endpoint);
    }

    [Fact]
    public void Resolve_PrefersEcrEndpoint_OverGeneralEndpoint()
    {
        var environment = Environment(("AWS_ENDPOINT_URL_ECR", "http://127.0.0.1:5000"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:6000"));

        var endpoint = EcrEndpointResolver.Resolve("us-east-1", environment);

        Assert.Equal(new Uri("http://127.0.0.1:5000/"), endpoint);
    }

    [Fact]
    public void Resolve_UsesGeneralEndpoint_WhenNoEcrEndpointIsSet()
    {
        var endpoint = EcrEndpointResolver.Resolve("us-east-1", Environment(("AWS_ENDPOINT_URL_ECR", " "), ("AWS_ENDPOINT_URL", "https://localhost:4566")));

        Assert.Equal(new Uri("https://localhost:4566/"), endpoint);
    }

    [Fact]
    public void Resolve_IgnoresConfiguredEndpoints_WhenAskedTo()
    {
        var environment = Environment(("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE"));

        var endpoint = EcrEndpointResolver.Resolve("eu-west-1", environment);

        Assert.Equal(new Uri("https://api.ecr.eu-west-1.amazonaws.com/"), endpoint);
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_ECR", "localhost:5000")]
    [InlineData("AWS_ENDPOINT_URL_ECR", "/relative")]
    [InlineData("AWS_ENDPOINT_URL", "ftp://127.0.0.1")]
    [InlineData("AWS_ENDPOINT_URL", "not a url")]
    public void Resolve_NamesTheVariable_WhenEndpointIsNotAnHttpUrl(string variable, string value)
    {
        var error = Assert.Throws<AwsConfigurationException>(() => EcrEndpointResolver.Resolve("us-east-1", Environment((variable, value))));

        Assert.StartsWith(variable, error.Message, StringComparison.Ordinal);
        Assert.Contains("http", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_DoesNotEchoPassword_WhenEndpointHasUserInfo()
    {
        var error = Assert.Throws<AwsConfigurationException>(
            () => EcrEndpointResolver.Resolve("us-east-1", Environment(("AWS_ENDPOINT_URL", "https://user:hunter2@127.0.0.1:5000"))));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_ENDPOINT_URL", error.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Environment(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
