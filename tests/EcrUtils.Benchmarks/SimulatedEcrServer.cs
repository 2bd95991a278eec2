using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Benchmarks;

/// <summary>
/// Serves the fake ECR on 127.0.0.1 from a process of its own, so that the fake's work (building pages, looking up
/// tags) runs outside the measured process, as a real ECR's would. Besides ECR's POST /, it answers GET /stats with
/// "calls imagesLeft" for the measuring process. Every ECR call is answered no sooner than the latency after it arrived.
/// </summary>
internal sealed class SimulatedEcrServer(FakeEcr ecr, HttpListener listener, TimeSpan latency) : IDisposable
{
    private readonly HttpMessageInvoker _handler = new(new FakeEcrHandler(ecr));

    public static SimulatedEcrServer Start(FakeEcr ecr, TimeSpan latency, out int port)
    {
        port = FreePort();
        var listener = new HttpListener();
        listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        listener.Start();
        return new SimulatedEcrServer(ecr, listener, latency);
    }

    /// <summary>Answers requests, each on its own task, until the listener is stopped.</summary>
    public async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    public void Stop() => listener.Stop();

    public void Dispose()
    {
        listener.Close();
        _handler.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            if (context.Request.HttpMethod == "GET" && context.Request.Url?.AbsolutePath == "/stats")
            {
                int calls, left;
                lock (ecr.Gate)
                {
                    left = ecr.Repositories.Sum(r => r.Images.Count);
                }

                calls = ecr.Calls.Count;
                await WriteAsync(response, 200, "text/plain", System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{calls} {left}")));
                return;
            }

            // The latency runs from the request's arrival and includes the fake's own work, as a real service's does:
            // an answer takes the latency, or longer only when the fake is slower than that.
            var latencyElapsed = Task.Delay(latency, CancellationToken.None);
            using var request = await ToMessageAsync(context.Request);
            using var answer = await _handler.SendAsync(request, CancellationToken.None);
            if (answer.Headers.TryGetValues("X-Amzn-Errortype", out var errorTypes))
            {
                response.Headers.Add("X-Amzn-Errortype", errorTypes.Single());
            }

            if (answer.Headers.RetryAfter is { } retryAfter)
            {
                response.Headers.Add("Retry-After", retryAfter.ToString());
            }

            var body = await answer.Content.ReadAsByteArrayAsync();
            await latencyElapsed;
            await WriteAsync(response, (int)answer.StatusCode, answer.Content.Headers.ContentType?.ToString(), body);
        }
        catch (ContractViolationException violation)
        {
            await Console.Error.WriteLineAsync($"Contract violation: {violation.Message}");
            await WriteAsync(response, 400, "text/plain", System.Text.Encoding.UTF8.GetBytes(violation.Message));
        }
    }

    private static async Task<HttpRequestMessage> ToMessageAsync(HttpListenerRequest incoming)
    {
        using var buffer = new MemoryStream();
        await incoming.InputStream.CopyToAsync(buffer);
        var message = new HttpRequestMessage(new HttpMethod(incoming.HttpMethod), incoming.Url)
        {
            Content = new ByteArrayContent(buffer.ToArray()),
        };
        foreach (var name in incoming.Headers.AllKeys.OfType<string>())
        {
            var value = incoming.Headers[name];
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else if (!name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string? contentType, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }
}
