using System.Net;
using EcrUtils.Aws;
using EcrUtils.Ecr;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.Ecr;

public sealed class EcrClientErrorTests
{
    private const string SessionToken = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexampleexampleexampleexampleexampleexampleexample";
    private readonly FakeEcr _ecr = new();

    public EcrClientErrorTests() => _ecr.AddRepository("team/api");

    [Fact]
    public async Task Error_ParsesXmlBody_AndRedactsSigningMaterial()
    {
        // The shape moto (and AWS's query protocol) answers a bad signature with, including the canonical request.
        var body = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <ErrorResponse><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code>
            <Message>The request signature we calculated does not match the signature you provided. Canonical request:
            x-amz-security-token:{SessionToken}
            Authorization: AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEEXAMPLE12/20260101/us-east-1/ecr/aws4_request, Signature=0123abcd</Message>
            </Error></ErrorResponse>
            """;
        _ecr.Faults.Enqueue(EcrOperation.BatchDeleteImage, FakeEcrFault.Raw(HttpStatusCode.Forbidden, "text/html", body));
        var sut = _ecr.CreateClient();

        var error = await Assert.ThrowsAsync<AwsServiceException>(
            () => sut.BatchDeleteImageAsync(null, "team/api", [ImageId.ForTag("dev-1")], null, CancellationToken.None));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("does not match the signature you provided", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SessionToken[..30], error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0123abcd", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ASIAEXAMPLEEXAMPLE12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_DescribesHtmlPage_WithItsTitle()
    {
        const string Html = """
            <!doctype html>
            <html lang=en><title>500 Internal Server Error</title>
            <h1>Internal Server Error</h1><p>The server encountered an internal error.</p>
            """;
        _ecr.Faults.Enqueue(EcrOperation.DescribeImages, FakeEcrFault.Raw(HttpStatusCode.InternalServerError, "text/html", Html));
        var sut = _ecr.CreateClient();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => FirstPageAsync(sut));

        Assert.Equal("HttpStatus500", error.ErrorCode);
        Assert.Contains("500 Internal Server Error", error.ServiceMessage, StringComparison.Ordinal);
        Assert.Contains("text/html", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"__type":"com.amazonaws.ecr#RepositoryNotFoundException","message":"gone"}""", null, "RepositoryNotFoundException", "gone")]
    [InlineData("""{"__type":"RepositoryNotFoundException:http://internal.amazon.com/coral/","Message":"gone"}""", null, "RepositoryNotFoundException", "gone")]
    [InlineData("not json", "AccessDeniedException:http://internal.amazon.com/coral/com.amazonaws.ecr/", "AccessDeniedException", "not json")]
    [InlineData("""{"message":"no type"}""", "ThrottlingException", "ThrottlingException", "no type")]
    [InlineData("", null, "HttpStatus400", "empty body")]
    [InlineData("[1,2", null, "HttpStatus400", "[1,2")]
    [InlineData("<Error><Code>Throttling</Code></Error>", null, "Throttling", "not an AWS error document")]
    public async Task Error_ReadsCodeAndMessage_FromBodyOrHeader(string body, string? errorTypeHeader, string expectedCode, string expectedMessagePart)
    {
        (string, string)[] headers = errorTypeHeader is null ? [] : [("X-Amzn-Errortype", errorTypeHeader)];
        _ecr.Faults.Enqueue(EcrOperation.DescribeImages, FakeEcrFault.Raw(HttpStatusCode.BadRequest, "application/x-amz-json-1.1", body, headers));
        var sut = _ecr.CreateClient();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => FirstPageAsync(sut));

        Assert.Equal(expectedCode, error.ErrorCode);
        Assert.Contains(expectedMessagePart, error.ServiceMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body>proxy login</body></html>", "text/html")]
    [InlineData("null", "application/x-amz-json-1.1")]
    [InlineData("{\"imageDetails\":\"not a list\"}", "application/x-amz-json-1.1")]
    public async Task Error_IsInvalidResponse_WhenA200BodyIsNotEcrJson(string body, string contentType)
    {
        _ecr.Faults.Enqueue(EcrOperation.DescribeImages, FakeEcrFault.Raw(HttpStatusCode.OK, contentType, body));
        var sut = _ecr.CreateClient();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => FirstPageAsync(sut));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Contains("AWS_ENDPOINT_URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_ReportsValidation_WhenFakeRejectsALimit()
    {
        _ecr.Faults.Enqueue(EcrOperation.DescribeImages, FakeEcrFault.Error(HttpStatusCode.BadRequest, "InvalidParameterException", "bad"));
        var sut = _ecr.CreateClient();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => FirstPageAsync(sut));

        Assert.Equal("DescribeImages failed: InvalidParameterException: bad", error.Message);
    }

    private static async Task FirstPageAsync(IEcrClient sut)
    {
        await foreach (var _ in sut.DescribeImagesAsync(null, "team/api", CancellationToken.None))
        {
            return;
        }
    }
}
