using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EcrUtils.Tests.Fakes;

/// <summary>What the fake does instead of answering a call: an error answer, a broken connection or a hang.</summary>
internal sealed record FakeEcrFault(string Name, Func<CancellationToken, Task<HttpResponseMessage>> Respond)
{
    public static FakeEcrFault Throttling() =>
        Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded");

    public static FakeEcrFault ServerError(HttpStatusCode statusCode = HttpStatusCode.InternalServerError) =>
        Error(statusCode, "ServerException", "We encountered an internal error. Please try again.");

    public static FakeEcrFault Error(HttpStatusCode statusCode, string code, string message) => new(
        $"{(int)statusCode} {code}",
        _ => Task.FromResult(FakeEcrResponses.Error(statusCode, code, message)));

    /// <summary>Answers this body verbatim, e.g. an XML or HTML error page, or a broken 200.</summary>
    public static FakeEcrFault Raw(HttpStatusCode statusCode, string contentType, string body, params (string Name, string Value)[] headers) => new(
        $"raw {(int)statusCode}",
        _ =>
        {
            var response = new HttpResponseMessage(statusCode) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return Task.FromResult(response);
        });

    /// <summary>The connection is reset, the way SocketsHttpHandler reports it.</summary>
    public static FakeEcrFault ConnectionReset() => new(
        "connection reset",
        _ => throw new HttpRequestException(
            HttpRequestError.ConnectionError,
            "An error occurred while sending the request.",
            new IOException("Connection reset by peer", new SocketException((int)SocketError.ConnectionReset))));

    public static FakeEcrFault IoError() => new("I/O error", _ => throw new IOException("The response ended prematurely."));

    /// <summary>Answers like <paramref name="then"/> once <paramref name="signal"/> has completed: a call held until another one came.</summary>
    public static FakeEcrFault After(Task signal, FakeEcrFault then) => new($"{then.Name} after a signal", async cancellationToken =>
    {
        await signal.WaitAsync(cancellationToken);
        return await then.Respond(cancellationToken);
    });

    /// <summary>Never answers: the call ends only when its attempt times out or is cancelled.</summary>
    public static FakeEcrFault Hang() => new("hang", async cancellationToken =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        throw new InvalidOperationException("A hang cannot end without cancellation.");
    });
}
