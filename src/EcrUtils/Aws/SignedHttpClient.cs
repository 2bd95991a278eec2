using Amazon;
using Amazon.Runtime.Signing;

namespace EcrUtils.Aws;

/// <summary>
/// An HttpClient whose requests are signed with SigV4 for one service. Clients of several services share the
/// credentials (looked up once) and the transport (one connection pool).
/// </summary>
internal static class SignedHttpClient
{
    public static HttpClient Create(string region, AwsService service, DeferredCredentials credentials, HttpMessageHandler transport)
    {
        ArgumentNullException.ThrowIfNull(service);
        var signing = new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(region), service.SigningName, transport);
        return new HttpClient(new CredentialsResolutionHandler(credentials) { InnerHandler = signing }, disposeHandler: false)
        {
            // The resilience pipeline's per-attempt timeout owns time limits.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }
}
