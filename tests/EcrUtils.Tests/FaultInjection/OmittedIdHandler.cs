using System.Text;
using System.Text.Json.Nodes;

namespace EcrUtils.Tests.FaultInjection;

/// <summary>
/// Makes a BatchDeleteImage answer leave out one tag: the tag is not deleted, and the answer neither lists it as
/// deleted nor as a failure (an answer that says nothing of an id the client sent).
/// </summary>
internal sealed class OmittedIdHandler(HttpMessageHandler inner, string tag) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isDeletion = request.Headers.TryGetValues("X-Amz-Target", out var targets) && targets.Single().EndsWith(".BatchDeleteImage", StringComparison.Ordinal);
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
        var omitted = body["imageIds"]?.AsArray().FirstOrDefault(id => id?["imageTag"]?.GetValue<string>() == tag);
        if (!isDeletion || omitted is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        body["imageIds"]!.AsArray().Remove(omitted);
        var mediaType = request.Content.Headers.ContentType!;
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = mediaType;
        return await base.SendAsync(request, cancellationToken);
    }
}
