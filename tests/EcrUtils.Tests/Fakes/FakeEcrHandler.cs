using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrUtils.Tests.Fakes;

/// <summary>The HTTP side of <see cref="FakeEcr"/>: checks the AWS JSON 1.1 protocol and SigV4 headers, then answers.</summary>
internal sealed class FakeEcrHandler(FakeEcr ecr) : HttpMessageHandler
{
    private const string TargetPrefix = "AmazonEC2ContainerRegistry_V20150921.";
    private readonly FakeEcrApi _api = new(ecr);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = await ReadCallAsync(request, cancellationToken);
        if (ecr.Faults.Take(call) is { } fault)
        {
            return await fault.Respond(cancellationToken);
        }

        if (ecr.BeforeCall is { } beforeCall)
        {
            await beforeCall(call);
        }

        try
        {
            return FakeEcrResponses.Ok(_api.Answer(call));
        }
        catch (FakeEcrServiceError error)
        {
            return FakeEcrResponses.Error(error.StatusCode, error.Code, error.Message);
        }
    }

    private async Task<FakeEcrCall> ReadCallAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post || request.RequestUri?.AbsolutePath != "/")
        {
            throw ecr.Violation($"ECR is called with POST /, not {request.Method} {request.RequestUri?.AbsolutePath}.");
        }

        if (request.Content?.Headers.ContentType?.ToString() != FakeEcrResponses.JsonMediaType)
        {
            throw ecr.Violation($"Content-Type must be {FakeEcrResponses.JsonMediaType}, not {request.Content?.Headers.ContentType}.");
        }

        var target = request.Headers.TryGetValues("X-Amz-Target", out var targets) ? targets.Single() : string.Empty;
        var operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : string.Empty;
        if (!FakeEcrApi.Operations.Contains(operation))
        {
            throw ecr.Violation($"Unknown X-Amz-Target '{target}'.");
        }

        // The signer adds the header without validation, so the typed Authorization property does not parse it.
        var authorization = request.Headers.TryGetValues("Authorization", out var values) ? values.Single() : string.Empty;
        var scope = $"/{FakeEcr.Region}/ecr/aws4_request";
        if (!authorization.StartsWith($"AWS4-HMAC-SHA256 Credential={FakeEcr.AccessKeyId}/", StringComparison.Ordinal)
            || !authorization.Contains(scope, StringComparison.Ordinal)
            || !authorization.Contains("Signature=", StringComparison.Ordinal))
        {
            throw ecr.Violation($"{operation} is not signed with SigV4 for the scope {scope}: '{authorization}'.");
        }

        var amzDate = request.Headers.TryGetValues("X-Amz-Date", out var dates) ? dates.Single() : string.Empty;
        var text = await request.Content.ReadAsStringAsync(cancellationToken);
        JsonObject body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject ?? throw ecr.Violation($"The {operation} body is not a JSON object.");
        }
        catch (JsonException exception)
        {
            throw ecr.Violation($"The {operation} body is not JSON: {exception.Message}");
        }

        return ecr.RecordCall(operation, body, authorization, amzDate);
    }
}
