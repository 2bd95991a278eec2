using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;

namespace EcrUtils.Tests.Fakes;

/// <summary>
/// The HTTP side of <see cref="FakeLambda"/>: checks REST-JSON GET requests, SigV4 and Lambda's limits, then answers
/// the way Lambda does (errors name their type in the X-Amzn-ErrorType header).
/// </summary>
internal sealed class FakeLambdaHandler(FakeLambda lambda) : HttpMessageHandler
{
    private const string Prefix = "/2015-03-31/functions/";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (operation, function, query) = Route(request);
        var authorization = FakeAwsCredentials.SignatureFor(request, "lambda")
            ?? throw lambda.Violation($"{operation} is not signed with SigV4 for Lambda in {FakeEcr.Region}.");
        var call = lambda.RecordCall(operation, query, authorization);
        if (lambda.Faults.Take(call) is { } fault)
        {
            return await fault.Respond(cancellationToken);
        }

        lambda.BeforeCall?.Invoke(call);
        lock (lambda.Gate)
        {
            if (function is not null && !lambda.Functions.ContainsKey(function))
            {
                return NotFound($"Function not found: arn:aws:lambda:{FakeEcr.Region}:{FakeEcr.AccountId}:function:{function}");
            }

            return operation switch
            {
                "ListFunctions" => Ok(ListFunctions(query)),
                "GetFunction" => GetFunction(lambda.Functions[function!], query),
                _ => Ok(ListAliases(lambda.Functions[function!], query)),
            };
        }
    }

    private (string Operation, string? Function, JsonObject Query) Route(HttpRequestMessage request)
    {
        var uri = request.RequestUri!;
        if (request.Method != HttpMethod.Get || request.Content is { Headers.ContentLength: > 0 })
        {
            throw lambda.Violation($"The in-use check only reads Lambda: GET without a body, not {request.Method} {uri.AbsolutePath}.");
        }

        var parameters = HttpUtility.ParseQueryString(uri.Query);
        var query = new JsonObject();
        foreach (var key in parameters.AllKeys.OfType<string>())
        {
            query[key] = parameters[key];
        }

        var path = uri.AbsolutePath;
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw lambda.Violation($"Unknown Lambda path {path}.");
        }

        var rest = Uri.UnescapeDataString(path[Prefix.Length..]);
        return rest switch
        {
            "" => ("ListFunctions", null, Allow(query, "ListFunctions", "MaxItems", "Marker")),
            _ when rest.EndsWith("/aliases", StringComparison.Ordinal) => ("ListAliases", rest[..^"/aliases".Length], Allow(query, "ListAliases", "MaxItems", "Marker")),
            _ when !rest.Contains('/', StringComparison.Ordinal) => ("GetFunction", rest, Allow(query, "GetFunction", "Qualifier")),
            _ => throw lambda.Violation($"Unknown Lambda path {path}."),
        };
    }

    private JsonObject Allow(JsonObject query, string operation, params string[] names)
    {
        foreach (var (name, _) in query)
        {
            if (!names.Contains(name))
            {
                throw lambda.Violation($"{operation} has no query parameter '{name}'.");
            }
        }

        if (query["MaxItems"]?.GetValue<string>() is { } maxItems
            && (!int.TryParse(maxItems, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max is < 1 or > 10000))
        {
            throw lambda.Violation($"{operation}: MaxItems must be 1 to 10000 (got '{maxItems}').");
        }

        return query;
    }

    private JsonObject ListFunctions(JsonObject query)
    {
        var functions = lambda.Functions.Values.ToList();
        var (page, next) = Page(functions, query);
        var body = new JsonObject
        {
            ["Functions"] = new JsonArray([.. page.Select(f => (JsonNode)new JsonObject
            {
                ["FunctionName"] = f.Name,
                ["FunctionArn"] = $"arn:aws:lambda:{FakeEcr.Region}:{FakeEcr.AccountId}:function:{f.Name}",
                ["PackageType"] = f.PackageType,
                ["Version"] = "$LATEST",
            })]),
        };
        if (next is not null)
        {
            body["NextMarker"] = next;
        }

        return body;
    }

    private static HttpResponseMessage GetFunction(FakeLambdaFunction function, JsonObject query)
    {
        var qualifier = query["Qualifier"]?.GetValue<string>() ?? "$LATEST";
        var alias = function.Aliases.FirstOrDefault(a => a.Name == qualifier);
        var version = alias?.Version ?? qualifier;
        if (!function.Versions.TryGetValue(version, out var image))
        {
            return NotFound($"Function not found: {function.Name}:{qualifier}");
        }

        var body = new JsonObject
        {
            ["Configuration"] = new JsonObject { ["FunctionName"] = function.Name, ["Version"] = version, ["PackageType"] = function.PackageType },
        };
        if (function.PackageType == "Image")
        {
            var code = new JsonObject { ["RepositoryType"] = "ECR", ["ImageUri"] = image.ImageUri };
            if (image.ResolvedImageUri is not null)
            {
                code["ResolvedImageUri"] = image.ResolvedImageUri;
            }

            body["Code"] = code;
        }
        else
        {
            body["Code"] = new JsonObject { ["RepositoryType"] = "S3", ["Location"] = "https://example.invalid/code.zip" };
        }

        return Ok(body);
    }

    private static JsonObject ListAliases(FakeLambdaFunction function, JsonObject query)
    {
        var (page, next) = Page(function.Aliases, query);
        var body = new JsonObject
        {
            ["Aliases"] = new JsonArray([.. page.Select(a =>
            {
                var alias = new JsonObject { ["Name"] = a.Name, ["FunctionVersion"] = a.Version };
                if (a.WeightedVersions.Count > 0)
                {
                    var weights = new JsonObject();
                    foreach (var weighted in a.WeightedVersions)
                    {
                        weights[weighted] = 0.1;
                    }

                    alias["RoutingConfig"] = new JsonObject { ["AdditionalVersionWeights"] = weights };
                }

                return (JsonNode)alias;
            })]),
        };
        if (next is not null)
        {
            body["NextMarker"] = next;
        }

        return body;
    }

    // Lambda answers at most 50 items a page, whatever MaxItems asks.
    private static (List<T> Page, string? Next) Page<T>(List<T> items, JsonObject query)
    {
        var max = Math.Min(FakeLambda.MaxPage, int.Parse(query["MaxItems"]?.GetValue<string>() ?? "50", CultureInfo.InvariantCulture));
        var start = query["Marker"]?.GetValue<string>() is { } marker ? int.Parse(marker["m+".Length..], CultureInfo.InvariantCulture) : 0;
        var page = items.Skip(start).Take(max).ToList();
        return (page, start + max < items.Count ? $"m+{start + max}" : null);
    }

    private static HttpResponseMessage Ok(JsonObject body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    private static HttpResponseMessage NotFound(string message)
    {
        var response = new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent(new JsonObject { ["Type"] = "User", ["message"] = message }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        response.Headers.TryAddWithoutValidation("X-Amzn-ErrorType", "ResourceNotFoundException");
        return response;
    }
}
