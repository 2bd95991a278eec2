using EcrUtils.Aws;
using EcrUtils.Connections;

namespace EcrUtils.Tests.Connections;

public sealed class AwsConnectionTests
{
    [Fact]
    public void CreateInUseCollector_NamesTheVariable_WhenTheLambdaEndpointIsInvalid()
    {
        var connection = AwsConnection.Create(new AwsConnectionOptions
        {
            Region = "eu-west-1",
            GetEnvironmentVariable = name => name == "AWS_ENDPOINT_URL_LAMBDA" ? "lambda.local" : null,
        });

        var error = Assert.Throws<AwsConfigurationException>(() => connection.CreateInUseCollector([]));

        Assert.StartsWith("AWS_ENDPOINT_URL_LAMBDA must be an absolute http or https URL", error.Message, StringComparison.Ordinal);
    }
}
