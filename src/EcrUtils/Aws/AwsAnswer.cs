using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EcrUtils.Aws;

/// <summary>A successful answer of an AWS JSON service, not parsed yet.</summary>
internal readonly record struct AwsAnswer(HttpStatusCode StatusCode, byte[] Body)
{
    /// <summary>
    /// Sends one attempt and reads its answer whole; an error answer becomes the service's <see cref="AwsServiceException"/>,
    /// which the resilience pipeline classifies.
    /// </summary>
    public static async Task<AwsAnswer> ReceiveAsync(HttpClient httpClient, HttpRequestMessage message, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        using var response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        var body = await ResponseBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw AwsErrorReader.Read(operation, response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, body);
        }

        return new AwsAnswer(response.StatusCode, body);
    }

    /// <summary>Reads the body; a body that is not the expected JSON is an invalid response, never retried.</summary>
    public TResponse Parse<TResponse>(AwsService service, string operation, JsonTypeInfo<TResponse> responseType)
    {
        try
        {
            return JsonSerializer.Deserialize(Body, responseType)
                ?? throw InvalidServiceResponse.Create(service, operation, StatusCode, "the body is JSON null");
        }
        catch (JsonException exception)
        {
            throw InvalidServiceResponse.Create(service, operation, StatusCode, $"the body is not valid JSON ({exception.Message})");
        }
    }
}
