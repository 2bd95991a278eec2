using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrUtils.Tests.Fakes;

/// <summary>Answers shaped like ECR's: JSON 1.1 bodies, and errors with both <c>__type</c> and X-Amzn-Errortype.</summary>
internal static class FakeEcrResponses
{
    public const string JsonMediaType = "application/x-amz-json-1.1";

    /// <summary>The body written straight to UTF-8: a page of 1,000 images is ~350 KB, which a string in between would copy twice.</summary>
    public static HttpResponseMessage Ok(JsonObject body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body.WriteTo(writer);
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType, Encoding.UTF8.WebName);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    public static HttpResponseMessage Error(HttpStatusCode statusCode, string code, string message)
    {
        var body = new JsonObject { ["__type"] = code, ["message"] = message };
        var response = new HttpResponseMessage(statusCode) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, JsonMediaType) };
        response.Headers.TryAddWithoutValidation("X-Amzn-Errortype", $"{code}:http://internal.amazon.com/coral/com.amazonaws.ecr/");
        return response;
    }
}
