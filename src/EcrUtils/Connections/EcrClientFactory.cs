using EcrUtils.Aws;
using EcrUtils.Ecr;
using Polly;

namespace EcrUtils.Connections;

/// <summary>Creates the ECR client from the standard AWS configuration (environment, profiles, roles).</summary>
public static class EcrClientFactory
{
    /// <summary>
    /// Resolves the region and endpoint now and the credentials on the first call, and returns a client whose every
    /// request is signed with SigV4 and goes through the resilience pipeline. To share the credentials and pipeline
    /// with other services' clients, use <see cref="AwsConnection"/>.
    /// </summary>
    /// <exception cref="AwsConfigurationException">The region or endpoint is missing or invalid.</exception>
    public static IEcrClient Create(AwsConnectionOptions options) => AwsConnection.Create(options).CreateEcrClient();

    /// <summary>The client over any transport; tests pass an in-process fake of ECR.</summary>
    internal static EcrClient Create(
        string region,
        Uri endpoint,
        DeferredCredentials credentials,
        HttpMessageHandler transport,
        ResiliencePipeline pipeline) =>
        new(SignedHttpClient.Create(region, AwsService.Ecr, credentials, transport), endpoint, pipeline);
}
