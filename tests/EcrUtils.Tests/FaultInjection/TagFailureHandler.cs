using System.Text;
using System.Text.Json.Nodes;

namespace EcrUtils.Tests.FaultInjection;

/// <summary>
/// Makes ECR fail the deletion of one tag, as BatchDeleteImage does per image (in <c>failures</c>, with a code and a
/// reason), while the other ids of the batch are deleted.
/// </summary>
internal sealed class TagFailureHandler(HttpMessageHandler inner, string tag, string code, string reason) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isDeletion = request.Headers.TryGetValues("X-Amz-Target", out var targets) && targets.Single().EndsWith(".BatchDeleteImage", StringComparison.Ordinal);
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
        var ids = body["imageIds"]?.AsArray();
        var failing = ids?.FirstOrDefault(id => id?["imageTag"]?.GetValue<string>() == tag);
        if (!isDeletion || failing is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        ids!.Remove(failing);
        var mediaType = request.Content.Headers.ContentType!;
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = mediaType;
        using var response = await base.SendAsync(request, cancellationToken);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        answer["failures"] ??= new JsonArray();
        answer["failures"]!.AsArray().Add(new JsonObject
        {
            ["imageId"] = new JsonObject { ["imageTag"] = tag },
            ["failureCode"] = code,
            ["failureReason"] = reason,
        });
        return new HttpResponseMessage(response.StatusCode) { Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, mediaType.MediaType) };
    }
}
