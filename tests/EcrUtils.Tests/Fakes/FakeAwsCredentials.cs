using Amazon.Runtime;
using EcrUtils.Aws;

namespace EcrUtils.Tests.Fakes;

/// <summary>The fakes' test credentials, resolved at once.</summary>
internal static class FakeAwsCredentials
{
    public static DeferredCredentials Create() => new(
        _ => Task.FromResult<AWSCredentials>(new BasicAWSCredentials(FakeEcr.AccessKeyId, "fake-secret-key")),
        TimeSpan.FromSeconds(30),
        TimeProvider.System);

    /// <summary>The Authorization header of <paramref name="request"/>, if it is signed for <paramref name="service"/> in the fakes' region.</summary>
    public static string? SignatureFor(HttpRequestMessage request, string service)
    {
        // The signer adds the header without validation, so the typed Authorization property does not parse it.
        var authorization = request.Headers.TryGetValues("Authorization", out var values) ? values.Single() : string.Empty;
        return authorization.StartsWith($"AWS4-HMAC-SHA256 Credential={FakeEcr.AccessKeyId}/", StringComparison.Ordinal)
            && authorization.Contains($"/{FakeEcr.Region}/{service}/aws4_request", StringComparison.Ordinal)
            && authorization.Contains("Signature=", StringComparison.Ordinal)
                ? authorization
                : null;
    }
}
