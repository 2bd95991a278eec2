using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrUtils.Tests.Fakes;

/// <summary>The HTTP side of <see cref="FakeEcs"/>: checks the AWS JSON 1.1 protocol, SigV4 and ECS's limits, then answers.</summary>
internal sealed class FakeEcsHandler(FakeEcs ecs) : HttpMessageHandler
{
    private const string TargetPrefix = "AmazonEC2ContainerServiceV20141113.";
    private const int MaxResults = 100;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = await ReadCallAsync(request, cancellationToken);
        if (ecs.Faults.Take(call) is { } fault)
        {
            return await fault.Respond(cancellationToken);
        }

        try
        {
            lock (ecs.Gate)
            {
                return FakeEcrResponses.Ok(Answer(call.Operation, call.Body));
            }
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
            throw ecs.Violation($"ECS is called with POST /, not {request.Method} {request.RequestUri?.AbsolutePath}.");
        }

        if (request.Content?.Headers.ContentType?.ToString() != FakeEcrResponses.JsonMediaType)
        {
            throw ecs.Violation($"Content-Type must be {FakeEcrResponses.JsonMediaType}, not {request.Content?.Headers.ContentType}.");
        }

        var target = request.Headers.TryGetValues("X-Amz-Target", out var targets) ? targets.Single() : string.Empty;
        var operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : string.Empty;
        var authorization = FakeAwsCredentials.SignatureFor(request, "ecs")
            ?? throw ecs.Violation($"{operation} is not signed with SigV4 for ECS in {FakeEcr.Region}.");
        var text = await request.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var body = JsonNode.Parse(text) as JsonObject ?? throw ecs.Violation($"The {operation} body is not a JSON object.");
            return ecs.RecordCall(operation, body, authorization);
        }
        catch (JsonException exception)
        {
            throw ecs.Violation($"The {operation} body is not JSON: {exception.Message}");
        }
    }

    private JsonObject Answer(string operation, JsonObject body) => operation switch
    {
        "ListClusters" => Page(body, "clusterArns", [.. ecs.Clusters.Keys.Order(StringComparer.Ordinal).Select(FakeEcs.ClusterArn)], ["nextToken", "maxResults"]),
        "ListServices" => Page(body, "serviceArns", [.. Cluster(body).Services.Select(s => ServiceArn(Cluster(body), s))], ["cluster", "nextToken", "maxResults"]),
        "ListTasks" => ListTasks(body),
        "DescribeServices" => DescribeServices(body),
        "DescribeTasks" => DescribeTasks(body),
        "DescribeTaskDefinition" => DescribeTaskDefinition(body),
        _ => throw ecs.Violation($"Unknown ECS operation '{operation}'."),
    };

    private JsonObject ListTasks(JsonObject body)
    {
        if (body["desiredStatus"]?.GetValue<string>() is not (null or "RUNNING"))
        {
            throw ecs.Violation("The in-use check lists running tasks only.");
        }

        return Page(body, "taskArns", [.. Cluster(body).Tasks.Select(t => t.Arn)], ["cluster", "nextToken", "maxResults", "desiredStatus"]);
    }

    private JsonObject DescribeServices(JsonObject body)
    {
        AllowOnly(body, "DescribeServices", ["cluster", "services"]);
        var cluster = Cluster(body);
        var names = Strings(body, "services", 10);
        var services = new JsonArray();
        var failures = new JsonArray();
        foreach (var name in names)
        {
            var service = cluster.Services.FirstOrDefault(s => s.Name == name || ServiceArn(cluster, s) == name);
            if (service is null)
            {
                failures.Add(new JsonObject { ["arn"] = name, ["reason"] = "MISSING" });
                continue;
            }

            var primary = service.Deployments.FirstOrDefault(d => d.Status == "PRIMARY").TaskDefinition;
            services.Add(new JsonObject
            {
                ["serviceName"] = service.Name,
                ["serviceArn"] = ServiceArn(cluster, service),
                ["status"] = "ACTIVE",
                ["taskDefinition"] = primary,
                ["deployments"] = new JsonArray([.. service.Deployments.Select(d => (JsonNode)new JsonObject
                {
                    ["status"] = d.Status,
                    ["taskDefinition"] = d.TaskDefinition,
                    ["createdAt"] = 1.7e9,
                })]),
            });
        }

        return new JsonObject { ["services"] = services, ["failures"] = failures };
    }

    private JsonObject DescribeTasks(JsonObject body)
    {
        AllowOnly(body, "DescribeTasks", ["cluster", "tasks"]);
        var cluster = Cluster(body);
        var tasks = new JsonArray();
        var failures = new JsonArray();
        foreach (var arn in Strings(body, "tasks", 100))
        {
            if (cluster.Tasks.FirstOrDefault(t => t.Arn == arn) is not { } task)
            {
                failures.Add(new JsonObject { ["arn"] = arn, ["reason"] = "MISSING" });
                continue;
            }

            tasks.Add(new JsonObject
            {
                ["taskArn"] = task.Arn,
                ["group"] = task.Group,
                ["taskDefinitionArn"] = task.TaskDefinition,
                ["lastStatus"] = "RUNNING",
                ["desiredStatus"] = "RUNNING",
                ["containers"] = new JsonArray([.. task.Containers.Select(c =>
                {
                    var container = new JsonObject { ["name"] = "app", ["image"] = c.Image, ["lastStatus"] = "RUNNING" };
                    if (c.Digest is not null)
                    {
                        container["imageDigest"] = c.Digest;
                    }

                    return (JsonNode)container;
                })]),
            });
        }

        return new JsonObject { ["tasks"] = tasks, ["failures"] = failures };
    }

    private JsonObject DescribeTaskDefinition(JsonObject body)
    {
        AllowOnly(body, "DescribeTaskDefinition", ["taskDefinition"]);
        var requested = body["taskDefinition"]?.GetValue<string>() ?? throw FakeEcrServiceError.InvalidParameter("taskDefinition is required.");
        var (arn, images) = ecs.TaskDefinitions.FirstOrDefault(p => p.Key == requested || p.Key.EndsWith("/" + requested, StringComparison.Ordinal));
        if (arn is null)
        {
            throw new FakeEcrServiceError("ClientException", "Unable to describe task definition.");
        }

        return new JsonObject
        {
            ["taskDefinition"] = new JsonObject
            {
                ["taskDefinitionArn"] = arn,
                ["containerDefinitions"] = new JsonArray([.. images.Select((image, i) => (JsonNode)new JsonObject { ["name"] = $"c{i}", ["image"] = image })]),
            },
        };
    }

    private JsonObject Page(JsonObject body, string member, IReadOnlyList<string> items, IReadOnlyCollection<string> allowed)
    {
        AllowOnly(body, member, allowed);
        var maxResults = 100;
        if (body["maxResults"] is { } node)
        {
            maxResults = node.GetValue<int>();
            if (maxResults is < 1 or > MaxResults)
            {
                throw FakeEcrServiceError.InvalidParameter($"maxResults must be between 1 and {MaxResults}.");
            }
        }

        var start = body["nextToken"]?.GetValue<string>() is { } token ? int.Parse(token["page-".Length..], CultureInfo.InvariantCulture) : 0;
        var page = new JsonObject { [member] = new JsonArray([.. items.Skip(start).Take(maxResults).Select(i => (JsonNode)JsonValue.Create(i))]) };
        if (start + maxResults < items.Count)
        {
            page["nextToken"] = $"page-{start + maxResults}";
        }

        return page;
    }

    private FakeEcsCluster Cluster(JsonObject body)
    {
        var name = body["cluster"]?.GetValue<string>() ?? "default";
        name = name[(name.LastIndexOf('/') + 1)..];
        return ecs.Clusters.TryGetValue(name, out var cluster)
            ? cluster
            : throw new FakeEcrServiceError("ClusterNotFoundException", "Cluster not found.");
    }

    private static string ServiceArn(FakeEcsCluster cluster, FakeEcsService service) =>
        $"arn:aws:ecs:{FakeEcr.Region}:{FakeEcr.AccountId}:service/{cluster.Name}/{service.Name}";

    private static List<string> Strings(JsonObject body, string member, int max)
    {
        if (body[member] is not JsonArray array || array.Count == 0)
        {
            throw FakeEcrServiceError.InvalidParameter($"{member} must hold at least one value.");
        }

        return array.Count > max
            ? throw FakeEcrServiceError.InvalidParameter($"{member} can have at most {max} values (got {array.Count}).")
            : [.. array.Select(item => item!.GetValue<string>())];
    }

    private void AllowOnly(JsonObject body, string operation, IReadOnlyCollection<string> names)
    {
        foreach (var (name, value) in body)
        {
            if (!names.Contains(name) || value is null)
            {
                throw ecs.Violation($"{operation} sent an unexpected member '{name}'.");
            }
        }
    }
}
