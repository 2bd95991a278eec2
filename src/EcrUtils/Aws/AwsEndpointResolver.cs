using Amazon;

namespace EcrUtils.Aws;

/// <summary>
/// Finds a service's endpoint: its own variable (e.g. AWS_ENDPOINT_URL_ECS), then AWS_ENDPOINT_URL, else the regional
/// one, as the AWS SDKs do: https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
/// </summary>
internal static class AwsEndpointResolver
{
    public static Uri Resolve(AwsService service, string region, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        var regional = new Uri($"https://{service.HostPrefix}.{region}.{DnsSuffix(region)}/");
        if (!AwsEnvironmentVariables.IsTrue(getEnvironmentVariable, AwsEnvironmentVariables.IgnoreConfiguredEndpointUrls))
        {
            foreach (var name in (ReadOnlySpan<string>)[service.EndpointVariable, AwsEnvironmentVariables.EndpointUrl])
            {
                var value = getEnvironmentVariable(name);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return Validate(name, value.Trim(), regional);
                }
            }
        }

        return regional;
    }

    // The SDK knows the suffix of every partition (amazonaws.com.cn in China, others in isolated partitions).
    private static string DnsSuffix(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn"
        : RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix is { Length: > 0 } suffix ? suffix
        : "amazonaws.com";

    private static Uri Validate(string name, string value, Uri example)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new AwsConfigurationException(
                $"{name} must be an absolute http or https URL such as {example.GetLeftPart(UriPartial.Authority)} "
                + $"(got '{value}'): fix or unset it.");
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            // The value is not echoed: user info in a URL is usually a secret.
            throw new AwsConfigurationException(
                $"{name} must be a plain http or https URL without user name, password, query or fragment: fix or unset it.");
        }

        return uri;
    }
}
