using Amazon.Runtime;
using EcrUtils.Aws;
using EcrUtils.Connections;
using EcrUtils.Ecr;
using EcrUtils.Tests.Fakes;
using Polly;

namespace EcrUtils.Tests.FaultInjection;

/// <summary>The production client over <see cref="FakeEcr"/>, with a handler of the test's between the signer and the fake.</summary>
internal static class WrappedFakeClient
{
    public static IEcrClient Create(FakeEcr ecr, Func<HttpMessageHandler, HttpMessageHandler> wrap, ResiliencePipeline? pipeline = null)
    {
        var credentials = new DeferredCredentials(
            _ => Task.FromResult<AWSCredentials>(new BasicAWSCredentials(FakeEcr.AccessKeyId, "fake-secret-key")),
            TimeSpan.FromSeconds(30),
            TimeProvider.System);
        return EcrClientFactory.Create(FakeEcr.Region, FakeEcr.Endpoint, credentials, wrap(new FakeEcrHandler(ecr)), pipeline ?? ResiliencePipeline.Empty);
    }
}
