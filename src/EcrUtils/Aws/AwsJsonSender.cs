using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EcrUtils.Ecr;
using Polly;

namespace EcrUtils.Aws;

/// <summary>
/// Sends one operation of an AWS JSON 1.1 service (ECR, ECS) through the resilience pipeline. Errors of every service
/// come back as <see cref="EcrException"/>, which the pipeline knows how to classify. <c>targetPrefix</c> is the
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
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        return await pipeline.ExecuteAsync(
            async attemptToken => await SendOnceAsync(operation, body, responseType, attemptToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<TResponse> SendOnceAsync<TResponse>(
        string operation,
        byte[] body,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        // A new message for every attempt: the signing handler then signs each retry with a fresh timestamp.
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint);
        message.Content = new ByteArrayContent(body);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType);
        message.Headers.Add("X-Amz-Target", targetPrefix + operation);

        using var response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken)
            .ConfigureAwait(false);
        var responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw EcrErrorReader.Read(operation, response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, responseBody);
        }

        try
        {
            return JsonSerializer.Deserialize(responseBody, responseType)
                ?? throw InvalidServiceResponse.Create(service, operation, response.StatusCode, "the body is JSON null");
        }
        catch (JsonException exception)
        {
            throw InvalidServiceResponse.Create(service, operation, response.StatusCode, $"the body is not valid JSON ({exception.Message})");
        }
    }
}
