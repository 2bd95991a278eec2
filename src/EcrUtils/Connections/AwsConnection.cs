using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using EcrUtils.Aws;
using EcrUtils.Ecr;
using EcrUtils.Ecs;
using EcrUtils.InUse;
using EcrUtils.Lambda;
using EcrUtils.Resilience;
using Polly;

namespace EcrUtils.Connections;

/// <summary>
/// What the clients of every AWS service EcrUtils calls (ECR; ECS and Lambda for the in-use check) share in one run:
/// the region, the credentials (looked up once, on first use), the connection pool and the resilience pipeline.
/// </summary>
public sealed class AwsConnection
{
    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly DeferredCredentials _credentials;
    private readonly HttpMessageHandler _transport;
    private readonly ResiliencePipeline _pipeline;

    private AwsConnection(
        string region,
        Func<string, string?> getEnvironmentVariable,
        DeferredCredentials credentials,
        HttpMessageHandler transport,
        ResiliencePipeline pipeline)
    {
        Region = region;
        _getEnvironmentVariable = getEnvironmentVariable;
        _credentials = credentials;
        _transport = transport;
        _pipeline = pipeline;
    }

    /// <summary>The region every client calls.</summary>
    public string Region { get; }

    /// <summary>Resolves the region now and the credentials on the first call of any client.</summary>
    /// <exception cref="AwsConfigurationException">The region is missing or invalid.</exception>
    public static AwsConnection Create(AwsConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var getVariable = options.GetEnvironmentVariable;
        var region = AwsRegionResolver.Resolve(options.Region, getVariable, () => SdkRegionLookup.Find(getVariable));
        var credentials = new DeferredCredentials(
            options.Credentials is { } given ? _ => Task.FromResult(given) : ResolveDefaultCredentialsAsync,
            options.CredentialsTimeout,
            options.TimeProvider);
        var pipeline = options.Pipeline ?? EcrResilience.Create(new EcrRetrySettings(), options.TimeProvider);
        var transport = new SocketsHttpHandler
        {
            // Redirects must not be followed below the signing handler: a redirected request would go out unsigned.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        return new AwsConnection(region, getVariable, credentials, transport, pipeline);
    }

    /// <summary>A connection over given credentials and transport; tests pass test credentials for an emulator.</summary>
    internal static AwsConnection Create(
        string region,
        Func<string, string?> getEnvironmentVariable,
        DeferredCredentials credentials,
        HttpMessageHandler transport,
        ResiliencePipeline pipeline) =>
        new(region, getEnvironmentVariable, credentials, transport, pipeline);

    /// <summary>The ECR client; every request is signed with SigV4 and goes through the resilience pipeline.</summary>
    /// <exception cref="AwsConfigurationException">The endpoint (AWS_ENDPOINT_URL_ECR or AWS_ENDPOINT_URL) is invalid.</exception>
    public IEcrClient CreateEcrClient() =>
        EcrClientFactory.Create(Region, Endpoint(AwsService.Ecr), _credentials, _transport, _pipeline);

    /// <summary>
    /// The collector of the images that ECS and Lambda use in this account and region, over clients that share this
    /// connection's credentials and pipeline.
    /// </summary>
    /// <param name="ecsClusters">The ECS clusters to read (names or ARNs); empty for every cluster.</param>
    /// <exception cref="AwsConfigurationException">An endpoint (AWS_ENDPOINT_URL_ECS, AWS_ENDPOINT_URL_LAMBDA or AWS_ENDPOINT_URL) is invalid.</exception>
    public IInUseCollector CreateInUseCollector(IReadOnlyList<string> ecsClusters)
    {
        ArgumentNullException.ThrowIfNull(ecsClusters);
        return new InUseCollector(CreateEcsClient(), CreateLambdaClient(), ecsClusters);
    }

    internal EcsClient CreateEcsClient() =>
        new(SignedHttpClient.Create(Region, AwsService.Ecs, _credentials, _transport), Endpoint(AwsService.Ecs), _pipeline);

    internal LambdaClient CreateLambdaClient() =>
        new(SignedHttpClient.Create(Region, AwsService.Lambda, _credentials, _transport), Endpoint(AwsService.Lambda), _pipeline);

    private Uri Endpoint(AwsService service) => AwsEndpointResolver.Resolve(service, Region, _getEnvironmentVariable);

    private static async Task<AWSCredentials> ResolveDefaultCredentialsAsync(CancellationToken cancellationToken)
    {
        // Environment, profile (incl. SSO), web identity (GitHub OIDC), container and instance roles, in the SDK's order.
        var resolver = new DefaultAWSCredentialsIdentityResolver();
        return await resolver.ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
