using Amazon.Runtime;
using Polly;

namespace EcrUtils.Connections;

/// <summary>
/// Where and how <see cref="EcrClientFactory"/> and <see cref="AwsConnection"/> connect to AWS: Amazon ECR, and ECS and
/// Lambda for the in-use check.
/// </summary>
public sealed record AwsConnectionOptions
{
    /// <summary>The region given on the command line (<c>--region</c>); when null, the environment and profile decide.</summary>
    public string? Region { get; init; }

    /// <summary>Reads an environment variable; replace it to control the region and endpoint variables in tests.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>
    /// The credentials to sign with; when null, the SDK's default chain (environment, profile, web identity, SSO,
    /// container and instance roles) finds them. Given credentials are used as they are, whatever the environment says.
    /// </summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>The pipeline every call goes through; when null, one built from default <c>EcrRetrySettings</c>.</summary>
    public ResiliencePipeline? Pipeline { get; init; }

    /// <summary>The clock for retries and time limits.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How long looking for credentials may take. The SDK's chain ends with the EC2 instance metadata service, which
    /// takes about 16 s to give up where nothing answers it.
    /// </summary>
    public TimeSpan CredentialsTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
