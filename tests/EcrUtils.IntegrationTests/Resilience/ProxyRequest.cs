using System.Globalization;
using System.Text;

namespace EcrUtils.IntegrationTests;

/// <summary>One HTTP/1.1 request as <see cref="FaultProxy"/> reads it off the wire: request line, headers, body by Content-Length.</summary>
internal sealed record ProxyRequest(string Method, string Target, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body)
{
    private const int MaxLineLength = 64 * 1024;

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    /// <summary>Reads the next request; null when the client closed the connection between requests.</summary>
    public static async Task<ProxyRequest?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var requestLine = await ReadLineAsync(stream, cancellationToken);
        if (requestLine is null)
        {
            return null;
        }

        var parts = requestLine.Split(' ');
        if (parts.Length != 3)
        {
            throw new InvalidDataException($"Not an HTTP request line: '{requestLine}'.");
        }

        List<(string, string)> headers = [];
        while (await ReadLineAsync(stream, cancellationToken) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        var request = new ProxyRequest(parts[0], parts[1], headers, []);
        if (request.Header("Transfer-Encoding") is not null)
        {
            throw new InvalidDataException("Chunked requests are not supported; the clients under test send Content-Length.");
        }

        var length = request.Header("Content-Length") is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : 0;
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return request with { Body = body };
    }

    private static async Task<string?> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return bytes.Count == 0 ? null : throw new IOException("The connection closed in the middle of a request.");
            }

            if (one[0] == '\n')
            {
                return Encoding.ASCII.GetString([.. bytes]).TrimEnd('\r');
            }

            bytes.Add(one[0]);
            if (bytes.Count > MaxLineLength)
            {
                throw new InvalidDataException("An HTTP header line is too long.");
            }
        }
    }
}
