using System.Net.Http.Headers;
using System.Text;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// One moto server on 127.0.0.1 for the whole test run, started by <c>Moto/moto_launcher.py</c>.
/// Tests share it through the "moto" collection and reset it before each test.
/// </summary>
public sealed class MotoServer : IAsyncLifetime, IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);

    private MotoLauncher? _launcher;
    private HttpClient? _http;

    /// <summary>The server's base address, <c>http://127.0.0.1:PORT</c>, without a trailing slash.</summary>
    public string Endpoint { get; private set; } = "";

    public string Region { get; } = "us-east-1";

    public string AccountId { get; } = "123456789012";

    /// <summary>Any key signs requests while moto's auth is off, but a request must be signed.</summary>
    public string AccessKeyId { get; } = "testing";

    public string SecretAccessKey { get; } = "testing";

    internal int? ProcessId => _launcher?.ProcessId;

    internal HttpClient Http => _http ?? throw new InvalidOperationException(
        "The moto server is not running: use it through the \"moto\" collection fixture.");

    /// <summary>What a client needs to reach this server with the test credentials.</summary>
    public IReadOnlyDictionary<string, string> AwsEnvironment() => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL"] = Endpoint,
        ["AWS_REGION"] = Region,
        ["AWS_DEFAULT_REGION"] = Region,
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
    };

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(s_startTimeout);
        try
        {
            (_launcher, Endpoint) = await MotoLauncher.StartAsync(timeout.Token);
            _http = new HttpClient { BaseAddress = new Uri(Endpoint), Timeout = TimeSpan.FromMinutes(2) };
            await WaitUntilAnsweringAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var output = RecentOutput();
            await DisposeAsync();
            throw new InvalidOperationException(
                $"moto did not answer within {s_startTimeout.TotalSeconds:0} s. {PythonInterpreter.InstallHint}. " +
                $"Its output:{Environment.NewLine}{output}");
        }
        catch
        {
            // Whether or not the test framework disposes a fixture that failed, leave no server behind.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Turns auth off, then empties every moto backend (auth first: reset deletes IAM users).</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        await SetAuthAsync(enabled: false, cancellationToken);
        await PostAsync("/moto-api/reset", content: null, cancellationToken);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        _http = null;
        if (_launcher is { } launcher)
        {
            _launcher = null;
            await launcher.DisposeAsync();
        }
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    internal Task SetAuthAsync(bool enabled, CancellationToken cancellationToken)
    {
        // moto checks signatures once its count of unauthenticated requests reaches this number;
        // "inf" never does. https://docs.getmoto.org/en/latest/docs/iam.html
        var content = new StringContent(enabled ? "0" : "inf", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return PostAsync("/moto-api/reset-auth", content, cancellationToken);
    }

    internal async Task<string> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await Http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"moto answered {request.Method} {request.RequestUri} with HTTP {(int)response.StatusCode}: {body}" +
                $"{Environment.NewLine}Recent moto output:{Environment.NewLine}{RecentOutput()}");
        }

        return body;
    }

    private string RecentOutput() => _launcher?.RecentOutput() ?? "";

    private async Task PostAsync(string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        await SendAsync(request, cancellationToken);
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        // The ready line comes right after the bind, so the first answer is almost always there.
        while (!await AnswersAsync(cancellationToken))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri("/moto-api/data.json", UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
