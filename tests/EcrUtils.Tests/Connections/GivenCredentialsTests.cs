using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Runtime;
using EcrUtils.Connections;

namespace EcrUtils.Tests.Connections;

public sealed class GivenCredentialsTests
{
    [Fact]
    public async Task Client_SignsWithGivenCredentials_InsteadOfLookingThemUp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var endpoint = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        var request = AnswerOneRequestAsync(listener, """{"repositories":[]}""");
        var sut = EcrClientFactory.Create(new AwsConnectionOptions
        {
            Region = "us-east-1",
            GetEnvironmentVariable = name => name == "AWS_ENDPOINT_URL" ? endpoint : null,
            Credentials = new BasicAWSCredentials("AKIDGIVENEXAMPLE0001", "given-secret"),
        });

        var repositories = await sut.DescribeRepositoriesAsync(null, [], CancellationToken.None).ToListAsync();

        Assert.Empty(repositories);
        Assert.Contains("Credential=AKIDGIVENEXAMPLE0001/", await request, StringComparison.Ordinal);
    }

    // Reads one HTTP/1.1 request and answers it; returns the request's head.
    private static async Task<string> AnswerOneRequestAsync(TcpListener listener, string body)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var received = new StringBuilder();
        var buffer = new byte[8192];
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var count = await stream.ReadAsync(buffer);
            if (count == 0)
            {
                break;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, count));
        }

        // Read the body too, so that closing the connection cannot cut the request short.
        var text = received.ToString();
        var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        var length = text.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) is { } header
            ? int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        for (var have = text.Length - headEnd; have < length;)
        {
            var count = await stream.ReadAsync(buffer);
            if (count == 0)
            {
                break;
            }

            have += count;
        }

        var payload = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: {payload.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(payload);
        return received.ToString();
    }
}
