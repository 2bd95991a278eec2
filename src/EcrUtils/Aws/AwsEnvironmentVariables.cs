namespace EcrUtils.Aws;

/// <summary>The standard AWS environment variables that EcrUtils reads itself (the SDK reads the credential ones).</summary>
internal static class AwsEnvironmentVariables
{
    public const string Region = "AWS_REGION";
    public const string DefaultRegion = "AWS_DEFAULT_REGION";
    public const string EcrEndpointUrl = "AWS_ENDPOINT_URL_ECR";
    public const string EcsEndpointUrl = "AWS_ENDPOINT_URL_ECS";
    public const string LambdaEndpointUrl = "AWS_ENDPOINT_URL_LAMBDA";
    public const string EndpointUrl = "AWS_ENDPOINT_URL";
    public const string IgnoreConfiguredEndpointUrls = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";
    public const string MetadataDisabled = "AWS_EC2_METADATA_DISABLED";

    public static bool IsTrue(Func<string, string?> getEnvironmentVariable, string name) =>
        string.Equals(getEnvironmentVariable(name)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
