using Amazon.Runtime;

namespace EcrUtils.Aws;

/// <summary>
/// Credentials that are looked up on first use, within a time limit, so that creating a client never blocks and a
/// machine without credentials fails quickly with a message that says what to set.
/// </summary>
internal sealed class DeferredCredentials : AWSCredentials
{
    internal const string NotFoundMessage =
        "No AWS credentials found: set AWS_PROFILE (and run 'aws sso login' for SSO profiles) or "
        + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run in an environment with a role "
        + "(GitHub Actions OIDC through aws-actions/configure-aws-credentials, ECS task role, EC2 instance profile).";

    private readonly Lazy<Task<AWSCredentials>> _resolution;

    public DeferredCredentials(Func<CancellationToken, Task<AWSCredentials>> resolve, TimeSpan timeout, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _resolution = new Lazy<Task<AWSCredentials>>(() => ResolveAsync(resolve, timeout, timeProvider));
    }

    /// <summary>Looks the credentials up once; later calls reuse the outcome, success or failure.</summary>
    public Task EnsureResolvedAsync(CancellationToken cancellationToken) =>
        _resolution.Value.WaitAsync(cancellationToken);

    public override ImmutableCredentials GetCredentials() => Resolved.GetCredentials();

    public override Task<ImmutableCredentials> GetCredentialsAsync() => Resolved.GetCredentialsAsync();

    private AWSCredentials Resolved => _resolution.IsValueCreated && _resolution.Value.IsCompletedSuccessfully
        ? _resolution.Value.Result
        : throw new InvalidOperationException("Credentials are used before EnsureResolvedAsync completed.");

    private static async Task<AWSCredentials> ResolveAsync(
        Func<CancellationToken, Task<AWSCredentials>> resolve,
        TimeSpan timeout,
        TimeProvider timeProvider)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        try
        {
            // The SDK does part of its lookup synchronously and ignores cancellation while it probes the instance
            // metadata service, so the lookup runs on its own task and the time limit is enforced here.
            return await Task.Run(() => resolve(timeoutSource.Token), timeoutSource.Token)
                .WaitAsync(timeout, timeProvider)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            throw new AwsConfigurationException(
                $"{NotFoundMessage} (The lookup gave up after {timeout.TotalSeconds:0.#} s; where the EC2 instance metadata "
                + "service cannot answer, set AWS_EC2_METADATA_DISABLED=true to skip it.)",
                exception);
        }
        catch (AmazonClientException exception)
        {
            throw new AwsConfigurationException($"{NotFoundMessage} ({Summarize(exception.Message)})", exception);
        }
    }

    // The SDK lists each provider's complaint on a line of its own ("Exception 2 of 4: ..."); those say what was tried.
    private static string Summarize(string message)
    {
        var lines = message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var tried = lines.Where(l => l.StartsWith("Exception ", StringComparison.Ordinal) && l.Contains(": ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..].TrimEnd('.'))
            .ToList();
        return SecretRedactor.Redact(tried.Count > 0 ? "tried: " + string.Join("; ", tried) : lines.FirstOrDefault() ?? "no details");
    }
}
