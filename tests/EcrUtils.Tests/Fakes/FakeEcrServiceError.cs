using System.Net;

namespace EcrUtils.Tests.Fakes;

/// <summary>An error the fake answers the way ECR does: HTTP 400 with JSON <c>__type</c>/<c>message</c>.</summary>
internal sealed class FakeEcrServiceError(string code, string message, HttpStatusCode statusCode = HttpStatusCode.BadRequest)
    : Exception(message)
{
    public string Code { get; } = code;

    public HttpStatusCode StatusCode { get; } = statusCode;

    public static FakeEcrServiceError Validation(string message) => new("ValidationException", message);

    public static FakeEcrServiceError InvalidParameter(string message) => new("InvalidParameterException", message);
}
