using System.Net;
using System.Runtime.CompilerServices;
using EcrUtils.Aws;
using EcrUtils.Lambda.Json;
using Polly;

namespace EcrUtils.Lambda;

/// <summary>
/// The Lambda client over HttpClient and Lambda's REST-JSON protocol. ListFunctions answers at most 50 functions a
/// page whatever MaxItems says: https://docs.aws.amazon.com/lambda/latest/api/API_ListFunctions.html
/// </summary>
internal sealed class LambdaClient : ILambdaClient
{
    internal const int MaxItems = 50;
    private const string FunctionsPath = "2015-03-31/functions/";
    private const string ResourceNotFound = "ResourceNotFoundException";

    private static readonly LambdaJsonContext s_json = LambdaJsonContext.Default;
    private readonly LambdaRequestSender _sender;

    internal LambdaClient(HttpClient httpClient, Uri endpoint, ResiliencePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(pipeline);
        _sender = new LambdaRequestSender(httpClient, endpoint, pipeline);
    }

    public async IAsyncEnumerable<LambdaFunction> ListFunctionsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? marker = null;
        do
        {
            var response = await _sender.GetAsync(
                LambdaOperation.ListFunctions, FunctionsPath + Query(marker), s_json.ListFunctionsResponse, cancellationToken).ConfigureAwait(false);
            foreach (var function in response.Functions ?? [])
            {
                yield return new LambdaFunction(
                    Required(function.FunctionName, "Functions[].FunctionName", LambdaOperation.ListFunctions),
                    function.PackageType);
            }

            marker = NextPage(LambdaOperation.ListFunctions, marker, response.NextMarker);
        }
        while (marker is not null);
    }

    public async Task<LambdaFunctionImage?> GetFunctionImageAsync(string functionName, string? qualifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        var query = qualifier is null ? string.Empty : "?Qualifier=" + Uri.EscapeDataString(qualifier);
        try
        {
            var response = await _sender.GetAsync(
                LambdaOperation.GetFunction, FunctionsPath + Uri.EscapeDataString(functionName) + query, s_json.GetFunctionResponse, cancellationToken)
                .ConfigureAwait(false);
            return new LambdaFunctionImage(response.Code?.ImageUri, response.Code?.ResolvedImageUri);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == ResourceNotFound)
        {
            // Deleted between listing and reading: it runs nothing any more.
            return null;
        }
    }

    public async IAsyncEnumerable<LambdaAlias> ListAliasesAsync(string functionName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        string? marker = null;
        do
        {
            ListAliasesResponse response;
            try
            {
                response = await _sender.GetAsync(
                    LambdaOperation.ListAliases,
                    FunctionsPath + Uri.EscapeDataString(functionName) + "/aliases" + Query(marker),
                    s_json.ListAliasesResponse,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (ex.ErrorCode == ResourceNotFound)
            {
                yield break;
            }

            foreach (var alias in response.Aliases ?? [])
            {
                IEnumerable<string?> versions = [alias.FunctionVersion, .. alias.RoutingConfig?.AdditionalVersionWeights?.Keys ?? []];
                yield return new LambdaAlias(
                    Required(alias.Name, "Aliases[].Name", LambdaOperation.ListAliases),
                    [.. versions.OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)]);
            }

            marker = NextPage(LambdaOperation.ListAliases, marker, response.NextMarker);
        }
        while (marker is not null);
    }

    private static string Query(string? marker) =>
        $"?MaxItems={MaxItems}" + (marker is null ? string.Empty : "&Marker=" + Uri.EscapeDataString(marker));

    // A marker that comes back unchanged would page forever.
    private static string? NextPage(string operation, string? sent, string? received) =>
        string.IsNullOrEmpty(received) ? null
        : received == sent ? throw InvalidServiceResponse.Create(AwsService.Lambda, operation, HttpStatusCode.OK, "NextMarker did not change from one page to the next")
        : received;

    private static string Required(string? value, string field, string operation) =>
        string.IsNullOrEmpty(value)
            ? throw InvalidServiceResponse.Create(AwsService.Lambda, operation, HttpStatusCode.OK, $"the field {field} is missing")
            : value;
}
