using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;
using EcrUtils.Ecr;
using EcrUtils.Resilience;
using Polly;

namespace EcrUtils.Aws;

/// <summary>Creates the ECR client from the standard AWS configuration (environment, profiles, roles).</summary>
public static class EcrClientFactory
{
    private const string SigningService = "ecr";

    /// <summary>
    /// Resolves the region and endpoint now and the credentials on the first call, and returns a client whose every
    /// request is signed with SigV4 and goes through the resilience pipeline.
    /// </summary>
    /// <exception cref="AwsConfigurationException">The region or endpoint is missing or invalid.</exception>
    public static IEcrClient Create(EcrClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var getVariable = options.GetEnvironmentVariable;
        var region = AwsRegionResolver.Resolve(options.Region, getVariable, () => SdkRegionLookup.Find(getVariable));
        var endpoint = EcrEndpointResolver.Resolve(region, getVariable);
        var credentials = new DeferredCredentials(ResolveDefaultCredentialsAsync, options.CredentialsTimeout, options.TimeProvider);
        var pipeline = options.Pipeline ?? EcrResilience.Create(new EcrRetrySettings(), options.TimeProvider);
        var transport = new SocketsHttpHandler
        {
            // Redirects must not be followed below the signing handler: a redirected request would go out unsigned.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        return Create(region, endpoint, credentials, transport, pipeline);
    }

    /// <summary>The client over any transport; tests pass an in-process fake of ECR.</summary>
    internal static EcrClient Create(
        string region,
        Uri endpoint,
        DeferredCredentials credentials,
        HttpMessageHandler transport,
        ResiliencePipeline pipeline)
    {
        var signing = new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(region), SigningService, transport);
        var httpClient = new HttpClient(new CredentialsResolutionHandler(credentials) { InnerHandler = signing })
        {
            // The pipeline's per-attempt timeout owns time limits.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        return new EcrClient(httpClient, endpoint, pipeline);
    }

    private static async Task<AWSCredentials> ResolveDefaultCredentialsAsync(CancellationToken cancellationToken)
    {
        // Environment, profile (incl. SSO), web identity (GitHub OIDC), container and instance roles, in the SDK's order.
        var resolver = new DefaultAWSCredentialsIdentityResolver();
        return await resolver.ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
