using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly;

namespace EcrUtils.Aws;

/// <summary>
/// Sends one operation of an AWS JSON 1.1 service (ECR, ECS) through the resilience pipeline. Errors of every service
/// come back as <see cref="AwsServiceException"/>, which the pipeline knows how to classify. <c>targetPrefix</c> is the
/// service's <c>X-Amz-Target</c> prefix, e.g. <c>AmazonEC2ContainerRegistry_V20150921.</c>.
/// </summary>
internal sealed class AwsJsonSender(HttpClient httpClient, Uri endpoint, ResiliencePipeline pipeline, AwsService service, string targetPrefix)
{
    private const string JsonMediaType = "application/x-amz-json-1.1";

    public async Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        var answer = await SendForAnswerAsync(operation, request, requestType, cancellationToken).ConfigureAwait(false);
        return Parse(operation, answer, responseType);
    }

    /// <summary>
    /// Sends the request and returns the successful answer unparsed, so that a pager can ask for the next page (whose
    /// token it reads with <see cref="AwsPageToken"/>) before it parses this one with <see cref="Parse"/>.
    /// </summary>
    public async Task<AwsAnswer> SendForAnswerAsync<TRequest>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        return await pipeline.ExecuteAsync(
            async attemptToken => await SendOnceAsync(operation, body, attemptToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a successful answer's body (see <see cref="AwsAnswer.Parse"/>).</summary>
    public TResponse Parse<TResponse>(string operation, AwsAnswer answer, JsonTypeInfo<TResponse> responseType) =>
        answer.Parse(service, operation, responseType);

    private async ValueTask<AwsAnswer> SendOnceAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        // A new message for every attempt: the signing handler then signs each retry with a fresh timestamp.
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint);
        message.Content = new ByteArrayContent(body);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType);
        message.Headers.Add("X-Amz-Target", targetPrefix + operation);

        return await AwsAnswer.ReceiveAsync(httpClient, message, operation, cancellationToken).ConfigureAwait(false);
    }
}
