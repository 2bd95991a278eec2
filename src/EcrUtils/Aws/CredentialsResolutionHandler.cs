namespace EcrUtils.Aws;

/// <summary>
/// Resolves the deferred credentials, with the caller's cancellation, before the signing handler below it needs them
/// (the signing handler's credential lookup takes no cancellation token).
/// </summary>
internal sealed class CredentialsResolutionHandler(DeferredCredentials credentials) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await credentials.EnsureResolvedAsync(cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
