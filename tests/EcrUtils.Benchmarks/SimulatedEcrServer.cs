using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using EcrUtils.Ecs;
using EcrUtils.Lambda;
using EcrUtils.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace EcrUtils.Benchmarks;

/// <summary>
/// Serves the fake ECR on 127.0.0.1 with Kestrel, from a process of its own, so that the fake's work (building pages,
/// looking up tags) runs outside the measured process, as a real ECR's would; the fake ECS and Lambda of the in-use
/// check too, on the same port (ECS by its X-Amz-Target, Lambda by its path). Besides their calls, it answers GET /stats
/// with "calls imagesLeft throttled served servedMs" for the measuring process (calls counts every attempt of the three
/// services, throttled ones included; served and servedMs: the answers written so far and their total time from arrival
/// to written), and GET /calls with "operation calls" lines. Every call, throttled or not, is answered no sooner than
/// the latency after it arrived (<see cref="Deadlines"/>); the answer is then still to be written, and a busy machine
/// wakes the waiting thread late now and then, which is why the served time is measured rather than assumed.
/// </summary>
internal sealed class SimulatedEcrServer(FakeEcr ecr, FakeEcs ecs, FakeLambda lambda, TimeSpan latency, ServiceRateLimiter? rateLimiter)
    : IAsyncDisposable
{
    private const string EcsTargetPrefix = "AmazonEC2ContainerServiceV20141113.";
    private const string LambdaPathPrefix = "/2015-03-31/functions";

    private static readonly string[] s_ecsOperations =
    [
        EcsOperation.ListClusters, EcsOperation.ListServices, EcsOperation.DescribeServices,
        EcsOperation.ListTasks, EcsOperation.DescribeTasks, EcsOperation.DescribeTaskDefinition,
    ];

    private static readonly string[] s_lambdaOperations = [LambdaOperation.ListFunctions, LambdaOperation.GetFunction, LambdaOperation.ListAliases];

    private readonly HttpMessageInvoker _ecrHandler = new(new FakeEcrHandler(ecr));
    private readonly HttpMessageInvoker _ecsHandler = new(new FakeEcsHandler(ecs));
    private readonly HttpMessageInvoker _lambdaHandler = new(new FakeLambdaHandler(lambda));
    private readonly Deadlines _deadlines = new();
    private WebApplication? _app;
    private long _served;
    private long _servedTicks;

    /// <summary>Starts serving on a free port of 127.0.0.1 and returns the port.</summary>
    public async Task<int> StartAsync(CancellationToken cancellationToken)
    {
        if (rateLimiter is not null)
        {
            // A fault of the fake's own, so that a throttled attempt is counted among the calls like any other.
            ecr.Faults.When = call => rateLimiter.TryAdmit(call.Operation) ? null : FakeEcrFault.Throttling();
        }

        // The empty builder reads no configuration files (nothing watches the working folder) and logs nothing.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        // An answer goes to the socket whole, as a service's front end sends it: by default Kestrel holds the handler
        // back once 64 KB are unsent, and the socket's send buffer starts small, so a 350 KB page left the server
        // only as fast as the client read it, and its last bytes later than the latency.
        builder.WebHost.UseSockets(sockets =>
        {
            sockets.MaxWriteBufferSize = null;
            sockets.CreateBoundListenSocket = endpoint =>
            {
                var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                socket.SendBufferSize = 4 * 1024 * 1024;
                return socket;
            };
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));
        _app = builder.Build();
        _app.Run(AnswerAsync);
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new Uri(address).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _ecrHandler.Dispose();
        _ecsHandler.Dispose();
        _lambdaHandler.Dispose();
        _deadlines.Dispose();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path == "/stats")
        {
            await WriteAsync(context.Response, 200, "text/plain", Encoding.UTF8.GetBytes(Stats()));
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path == "/calls")
        {
            var lines = CallsByOperation().Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Operation} {c.Calls}\n"));
            await WriteAsync(context.Response, 200, "text/plain", Encoding.UTF8.GetBytes(string.Concat(lines)));
            return;
        }

        // The latency runs from the request's arrival and includes the fake's own work, as a real service's does:
        // an answer takes the latency, or longer only when the fake is slower than that.
        var arrived = Stopwatch.GetTimestamp();
        var latencyElapsed = _deadlines.At(arrived + (long)(latency.TotalSeconds * Stopwatch.Frequency));
        try
        {
            using var request = await ToMessageAsync(context.Request, context.RequestAborted);
            using var answer = await HandlerFor(request).SendAsync(request, CancellationToken.None);
            if (answer.Headers.TryGetValues("X-Amzn-Errortype", out var errorTypes))
            {
                context.Response.Headers["X-Amzn-Errortype"] = errorTypes.Single();
            }

            if (answer.Headers.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter.ToString();
            }

            var body = await answer.Content.ReadAsByteArrayAsync(CancellationToken.None);
            await latencyElapsed;
            await WriteAsync(context.Response, (int)answer.StatusCode, answer.Content.Headers.ContentType?.ToString(), body);
            await context.Response.CompleteAsync();
            Interlocked.Add(ref _servedTicks, Stopwatch.GetElapsedTime(arrived).Ticks);
            Interlocked.Increment(ref _served);
        }
        catch (ContractViolationException violation)
        {
            await Console.Error.WriteLineAsync($"Contract violation: {violation.Message}");
            await WriteAsync(context.Response, 400, "text/plain", Encoding.UTF8.GetBytes(violation.Message));
        }
    }

    private string Stats()
    {
        int left;
        lock (ecr.Gate)
        {
            left = ecr.Repositories.Sum(r => r.Images.Count);
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{CallsByOperation().Sum(c => c.Calls)} {left} {rateLimiter?.Throttled ?? 0} {Interlocked.Read(ref _served)} {TimeSpan.FromTicks(Interlocked.Read(ref _servedTicks)).TotalMilliseconds:F3}");
    }

    // The three services' operation names do not overlap.
    private IEnumerable<(string Operation, int Calls)> CallsByOperation() =>
        FakeEcrApi.Operations.Order(StringComparer.Ordinal).Select(o => (o, ecr.CallCount(o)))
            .Concat(s_ecsOperations.Select(o => (o, ecs.CallCount(o))))
            .Concat(s_lambdaOperations.Select(o => (o, lambda.CallCount(o))))
            .Where(c => c.Item2 > 0);

    private HttpMessageInvoker HandlerFor(HttpRequestMessage request) =>
        request.RequestUri!.AbsolutePath.StartsWith(LambdaPathPrefix, StringComparison.Ordinal) ? _lambdaHandler
        : request.Headers.TryGetValues("X-Amz-Target", out var targets) && targets.Single().StartsWith(EcsTargetPrefix, StringComparison.Ordinal) ? _ecsHandler
        : _ecrHandler;

    private static async Task<HttpRequestMessage> ToMessageAsync(HttpRequest incoming, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await incoming.Body.CopyToAsync(buffer, cancellationToken);
        var message = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(incoming.GetEncodedUrl()))
        {
            Content = new ByteArrayContent(buffer.ToArray()),
        };
        foreach (var (name, values) in incoming.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                message.Content.Headers.TryAddWithoutValidation(name, values.ToString());
            }
            else if (!name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(name, values.ToString());
            }
        }

        return message;
    }

    private static async Task WriteAsync(HttpResponse response, int status, string? contentType, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }
}
