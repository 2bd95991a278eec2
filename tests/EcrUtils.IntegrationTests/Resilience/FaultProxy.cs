using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// A loopback HTTP/1.1 proxy in front of moto, for what moto cannot do by itself: throttle, fail, reset connections
/// (a real TCP reset) and hang (<see cref="Decide"/>), and let a test change the registry between the tool's planning
/// and its deleting (<see cref="BeforeForward"/>, <see cref="AfterForward"/>). Point the tool at <see cref="Endpoint"/>
/// through AWS_ENDPOINT_URL.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private const string TargetPrefix = "AmazonEC2ContainerRegistry_V20150921.";

    // Longer than any attempt of the tool under test may take (--request-timeout), so that a hang is a timeout.
    private static readonly TimeSpan s_hang = TimeSpan.FromSeconds(15);

    private static readonly HashSet<string> s_notForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Content-Length", "Content-Type", "Expect", "Keep-Alive", "Transfer-Encoding", "Date", "Server",
    };

    private readonly TcpListener _listener;
    private readonly HttpClient _moto;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly List<(ProxiedCall Call, ProxyAction Action)> _log = [];
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;

    private FaultProxy(TcpListener listener, Uri target)
    {
        _listener = listener;
        Endpoint = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        _moto = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = target,
            Timeout = TimeSpan.FromMinutes(2),
        };
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The proxy's address, <c>http://127.0.0.1:PORT</c>.</summary>
    public string Endpoint { get; }

    /// <summary>Chooses what happens to a request; forwards everything when null.</summary>
    public Func<ProxiedCall, ProxyAction>? Decide { get; set; }

    /// <summary>Answers a request in moto's place when it returns an answer (status, content type, body); null passes it on.</summary>
    public Func<ProxiedCall, (HttpStatusCode Status, string ContentType, string Body)?>? Answer { get; set; }

    /// <summary>Runs before a request is passed to moto, e.g. to push a tag as another pipeline would; throwing drops the request.</summary>
    public Func<ProxiedCall, Task>? BeforeForward { get; set; }

    /// <summary>Runs after moto carried a request out and before its answer goes back, e.g. to hold the answer.</summary>
    public Func<ProxiedCall, Task>? AfterForward { get; set; }

    /// <summary>Every request so far with what the proxy did to it.</summary>
    public IReadOnlyList<(ProxiedCall Call, ProxyAction Action)> Log
    {
        get
        {
            lock (_lock)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Starts a proxy on a free loopback port in front of <paramref name="target"/> (moto's endpoint).</summary>
    public static FaultProxy Start(string target)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new FaultProxy(listener, new Uri(target));
    }

    public int Count(ProxyAction action) => Log.Count(l => l.Action == action);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Task[] connections;
        lock (_lock)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll([_accepting, .. connections]).WaitAsync(TimeSpan.FromSeconds(30));
        _moto.Dispose();
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The listener stops when the proxy is disposed.
                return;
            }

            lock (_lock)
            {
                _connections.RemoveAll(c => c.IsCompleted);
                _connections.Add(Task.Run(() => ServeAsync(client)));
            }
        }
    }

    // One connection, one request after the other (the tool keeps connections alive).
    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = new BufferedStream(client.GetStream());
                while (await ProxyRequest.ReadAsync(stream, _stopping.Token) is { } request)
                {
                    if (!await HandleAsync(request, stream))
                    {
                        Reset(client);
                        return;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidDataException)
            {
                // The tool gave up on the request (its attempt timed out), or the proxy is stopping.
                Reset(client);
            }
        }
    }

    /// <summary>Acts on one request; false when the connection must be reset.</summary>
    private async Task<bool> HandleAsync(ProxyRequest request, Stream stream)
    {
        var call = Record(request);
        var action = Decide?.Invoke(call) ?? ProxyAction.Forward;
        SetAction(call, action);
        switch (action)
        {
            case ProxyAction.Throttle:
                await WriteErrorAsync(stream, HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded");
                return true;
            case ProxyAction.ServerError:
                await WriteErrorAsync(stream, HttpStatusCode.InternalServerError, "ServerException", "We encountered an internal error. Please try again.");
                return true;
            case ProxyAction.ResetBeforeSending:
                return false;
            case ProxyAction.Hang:
                await Task.Delay(s_hang, _stopping.Token);
                return false;
        }

        if (Answer?.Invoke(call) is { } own)
        {
            await WriteAsync(stream, own.Status, [("Content-Type", own.ContentType)], Encoding.UTF8.GetBytes(own.Body));
            return true;
        }

        if (BeforeForward is { } before)
        {
            await before(call);
        }

        using var answer = await ForwardAsync(request);
        if (AfterForward is { } after)
        {
            await after(call);
        }

        switch (action)
        {
            case ProxyAction.ResetAfterApplying:
                return false;
            case ProxyAction.HangAfterApplying:
                await Task.Delay(s_hang, _stopping.Token);
                return false;
            default:
                var body = await answer.Content.ReadAsByteArrayAsync(_stopping.Token);
                IEnumerable<(string Name, string Value)> headers =
                [
                    .. answer.Headers.Where(h => !s_notForwarded.Contains(h.Key)).Select(h => (h.Key, string.Join(",", h.Value))),
                    .. answer.Content.Headers.ContentType is { } type ? [("Content-Type", type.ToString())] : Array.Empty<(string, string)>(),
                ];
                await WriteAsync(stream, answer.StatusCode, headers, body);
                return true;
        }
    }

    private ProxiedCall Record(ProxyRequest request)
    {
        var target = request.Header("X-Amz-Target") ?? string.Empty;
        var operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : string.Empty;
        lock (_lock)
        {
            var number = _numbers[operation] = _numbers.GetValueOrDefault(operation) + 1;
            var call = new ProxiedCall(operation, number, Encoding.UTF8.GetString(request.Body), request.Header("Authorization") ?? string.Empty);
            _log.Add((call, ProxyAction.Forward));
            return call;
        }
    }

    private void SetAction(ProxiedCall call, ProxyAction action)
    {
        lock (_lock)
        {
            var index = _log.FindIndex(l => ReferenceEquals(l.Call, call));
            _log[index] = (call, action);
        }
    }

    private async Task<HttpResponseMessage> ForwardAsync(ProxyRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Target);
        if (request.Body.Length > 0 || request.Header("Content-Length") is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.Header("Content-Type") is { } contentType)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        foreach (var (name, value) in request.Headers.Where(h => !s_notForwarded.Contains(h.Name)))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        // The signature covers the Host header: keep the one the tool signed.
        message.Headers.Host = request.Header("Host");
        return await _moto.SendAsync(message, _stopping.Token);
    }

    private Task WriteErrorAsync(Stream stream, HttpStatusCode status, string code, string message) => WriteAsync(
        stream,
        status,
        [("Content-Type", "application/x-amz-json-1.1"), ("X-Amzn-Errortype", code)],
        Encoding.UTF8.GetBytes($$"""{"__type":"{{code}}","message":"{{message}}"}"""));

    private async Task WriteAsync(Stream stream, HttpStatusCode status, IEnumerable<(string Name, string Value)> headers, byte[] body)
    {
        var head = new StringBuilder($"HTTP/1.1 {(int)status} {status}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stopping.Token);
        await stream.WriteAsync(body, _stopping.Token);
        await stream.FlushAsync(_stopping.Token);
    }

    // Linger 0: closing sends a TCP reset, as a failing network or load balancer does.
    private static void Reset(TcpClient client)
    {
        try
        {
            client.Client.LingerState = new LingerOption(true, 0);
            client.Close();
        }
        catch (ObjectDisposedException)
        {
            // Already closed by the other side.
        }
    }
}
