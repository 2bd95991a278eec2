using System.Text.Json.Serialization.Metadata;
using EcrUtils.Aws;
using Polly;

namespace EcrUtils.Lambda;

/// <summary>
/// Sends one Lambda REST-JSON GET request through the resilience pipeline. Errors come back as
/// <see cref="AwsServiceException"/> (Lambda names them in the X-Amzn-ErrorType header), which the pipeline classifies.
/// </summary>
internal sealed class LambdaRequestSender(HttpClient httpClient, Uri endpoint, ResiliencePipeline pipeline)
{
    public async Task<TResponse> GetAsync<TResponse>(
        string operation,
        string pathAndQuery,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        var uri = new Uri(endpoint, pathAndQuery);
        return await pipeline.ExecuteAsync(
            async attemptToken => await GetOnceAsync(operation, uri, responseType, attemptToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<TResponse> GetOnceAsync<TResponse>(
        string operation,
        Uri uri,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        // A new message for every attempt: the signing handler then signs each retry with a fresh timestamp.
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        var answer = await AwsAnswer.ReceiveAsync(httpClient, message, operation, cancellationToken).ConfigureAwait(false);
        return answer.Parse(AwsService.Lambda, operation, responseType);
    }
}
