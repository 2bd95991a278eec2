namespace EcrUtils.Aws;

/// <summary>Finds the ECR endpoint: AWS_ENDPOINT_URL_ECR, then AWS_ENDPOINT_URL, else the regional one.</summary>
internal static class EcrEndpointResolver
{
    public static Uri Resolve(string region, Func<string, string?> getEnvironmentVariable) =>
        AwsEndpointResolver.Resolve(AwsService.Ecr, region, getEnvironmentVariable);
}
