using EcrUtils.Aws;

namespace EcrUtils.Tests.Aws;

public sealed class AwsEndpointResolverTests
{
    [Theory]
    [InlineData("eu-west-1", "https://ecs.eu-west-1.amazonaws.com/", "https://lambda.eu-west-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://ecs.cn-north-1.amazonaws.com.cn/", "https://lambda.cn-north-1.amazonaws.com.cn/")]
    public void Resolve_UsesRegionalEndpoints_OfEcsAndLambda(string region, string ecs, string lambda)
    {
        Assert.Equal(new Uri(ecs), AwsEndpointResolver.Resolve(AwsService.Ecs, region, _ => null));
        Assert.Equal(new Uri(lambda), AwsEndpointResolver.Resolve(AwsService.Lambda, region, _ => null));
    }

    [Fact]
    public void Resolve_PrefersEachServicesOwnVariable_OverTheGeneralOne()
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_ECS"] = "http://127.0.0.1:5001",
            ["AWS_ENDPOINT_URL_LAMBDA"] = "http://127.0.0.1:5002",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:5000",
        };

        Assert.Equal(new Uri("http://127.0.0.1:5001/"), AwsEndpointResolver.Resolve(AwsService.Ecs, "us-east-1", variables.GetValueOrDefault));
        Assert.Equal(new Uri("http://127.0.0.1:5002/"), AwsEndpointResolver.Resolve(AwsService.Lambda, "us-east-1", variables.GetValueOrDefault));
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), AwsEndpointResolver.Resolve(AwsService.Ecr, "us-east-1", variables.GetValueOrDefault));
    }
}
