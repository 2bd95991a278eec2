using Amazon.Runtime;
using EcrUtils.Aws;
using Microsoft.Extensions.Time.Testing;

namespace EcrUtils.Tests.Aws;

public sealed class DeferredCredentialsTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Credentials_AreLookedUpOnce_ForManyRequests()
    {
        var lookups = 0;
        var sut = new DeferredCredentials(
            _ =>
            {
                Interlocked.Increment(ref lookups);
                return Task.FromResult<AWSCredentials>(new BasicAWSCredentials("AKIDEXAMPLE", "secret"));
            },
            s_timeout,
            _time);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => sut.EnsureResolvedAsync(CancellationToken.None)));
        var credentials = await sut.GetCredentialsAsync();

        Assert.Equal(1, lookups);
        Assert.Equal("AKIDEXAMPLE", credentials.AccessKey);
    }

    [Fact]
    public async Task Credentials_FailWithGuidance_WhenTheChainFindsNone()
    {
        var sut = new DeferredCredentials(
            _ => throw new AmazonClientException(
                "Failed to resolve AWS credentials. The credential providers used to search for credentials returned the following errors:\n\n"
                + "Exception 1 of 2: The environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN were not set with AWS credentials.\n"
                + "Exception 2 of 2: The SSO session associated with this profile has expired."),
            s_timeout,
            _time);

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => sut.EnsureResolvedAsync(CancellationToken.None));

        Assert.StartsWith("No AWS credentials found", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_PROFILE", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("; The SSO session associated with this profile has expired)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception 1 of 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_GiveUpAfterTheTimeout_WhenTheLookupHangs()
    {
        var hang = new TaskCompletionSource<AWSCredentials>();
        var sut = new DeferredCredentials(_ => hang.Task, s_timeout, _time);

        var resolving = sut.EnsureResolvedAsync(CancellationToken.None);
        _time.Advance(s_timeout);
        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => resolving);

        Assert.Contains("AWS_EC2_METADATA_DISABLED", error.Message, StringComparison.Ordinal);
        Assert.Contains("10 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_StopWaiting_WhenCallerCancels()
    {
        var hang = new TaskCompletionSource<AWSCredentials>();
        var sut = new DeferredCredentials(_ => hang.Task, s_timeout, _time);
        using var caller = new CancellationTokenSource();

        var resolving = sut.EnsureResolvedAsync(caller.Token);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => resolving);
    }

    [Fact]
    public void Credentials_CannotBeUsed_BeforeTheyAreResolved()
    {
        var sut = new DeferredCredentials(_ => new TaskCompletionSource<AWSCredentials>().Task, s_timeout, _time);

        Assert.Throws<InvalidOperationException>(() => sut.GetCredentials());
    }
}
