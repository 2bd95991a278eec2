using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace EcrUtils.Tests.Fakes;

/// <summary>Answers shaped like ECR's: JSON 1.1 bodies, and errors with both <c>__type</c> and X-Amzn-Errortype.</summary>
internal static class FakeEcrResponses
{
    public const string JsonMediaType = "application/x-amz-json-1.1";

    public static HttpResponseMessage Ok(JsonObject body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, JsonMediaType) };

    public static HttpResponseMessage Error(HttpStatusCode statusCode, string code, string message)
    {
        var body = new JsonObject { ["__type"] = code, ["message"] = message };
        var response = new HttpResponseMessage(statusCode) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, JsonMediaType) };
        response.Headers.TryAddWithoutValidation("X-Amzn-Errortype", $"{code}:http://internal.amazon.com/coral/com.amazonaws.ecr/");
        return response;
    }
}
