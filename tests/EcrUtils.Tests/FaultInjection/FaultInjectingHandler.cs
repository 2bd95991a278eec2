using System.Net;
using System.Net.Sockets;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.FaultInjection;

/// <summary>
/// Sits between the signed client and the fake ECR, like a bad network and an overloaded service would, and applies
/// <see cref="FaultPlan"/>'s faults. A hang moves the fake clock past the attempt timeout, which then fires.
/// </summary>
internal sealed class FaultInjectingHandler(HttpMessageHandler inner, FaultPlan plan, Action passAttemptTimeout) : DelegatingHandler(inner)
{
    private const string TargetPrefix = "AmazonEC2ContainerRegistry_V20150921.";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.Single() : string.Empty;
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        switch (plan.Next(target.Replace(TargetPrefix, string.Empty, StringComparison.Ordinal), body))
        {
            case InjectedFault.Throttling:
                return FakeEcrResponses.Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded");
            case InjectedFault.ServerError:
                return FakeEcrResponses.Error(HttpStatusCode.InternalServerError, "ServerException", "We encountered an internal error. Please try again.");
            case InjectedFault.ResetBeforeSending:
                throw ConnectionReset();
            case InjectedFault.ResetAfterApplying:
                (await base.SendAsync(request, cancellationToken)).Dispose();
                throw ConnectionReset();
            case InjectedFault.Hang:
                return await HangAsync(cancellationToken);
            case InjectedFault.HangAfterApplying:
                (await base.SendAsync(request, cancellationToken)).Dispose();
                return await HangAsync(cancellationToken);
            default:
                return await base.SendAsync(request, cancellationToken);
        }
    }

    private static HttpRequestException ConnectionReset() => new(
        HttpRequestError.ConnectionError,
        "An error occurred while sending the request.",
        new IOException("Connection reset by peer", new SocketException((int)SocketError.ConnectionReset)));

    private async Task<HttpResponseMessage> HangAsync(CancellationToken cancellationToken)
    {
        passAttemptTimeout();
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        throw new InvalidOperationException("A hang ends only when its attempt times out.");
    }
}
