using System.Net.Http.Json;
using Cake.Core;

namespace EcrUtils.Sandbox;

/// <summary>The launcher's own endpoints: seed the registry and read it whole, push times and sizes included.</summary>
internal sealed class SandboxApi(Uri endpoint, string region) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };

    public async Task SeedAsync(SeedRequest seed, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(new Uri("/_ecrutils/seed", UriKind.Relative), seed, SandboxJsonContext.Default.SeedRequest, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "seed the demo registry", cancellationToken).ConfigureAwait(false);
    }

    public async Task<RegistryState> ReadAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri($"/_ecrutils/state?region={Uri.EscapeDataString(region)}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "read the registry", cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(SandboxJsonContext.Default.RegistryState, cancellationToken).ConfigureAwait(false)
            ?? throw new CakeException(ExitCodes.Failure, "The sandbox answered an empty registry state.");
    }

    public void Dispose() => _http.Dispose();

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string action, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new CakeException(ExitCodes.Failure, $"The sandbox could not {action}: HTTP {(int)response.StatusCode} {body}");
        }
    }
}
