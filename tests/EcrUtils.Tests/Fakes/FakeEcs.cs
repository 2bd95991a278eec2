using System.Text.Json.Nodes;
using EcrUtils.Aws;
using EcrUtils.Ecs;
using Polly;

namespace EcrUtils.Tests.Fakes;

/// <summary>
/// An in-memory Amazon ECS (clusters, task definitions, services with deployments, running tasks) served in-process
/// over the AWS JSON 1.1 protocol, for tests of the in-use check. It enforces ECS's limits (maxResults 1..100,
/// DescribeServices 10 and DescribeTasks 100 a call), pages like ECS, and injects faults like <see cref="FakeEcr"/>.
/// </summary>
internal sealed class FakeEcs
{
    private readonly Dictionary<string, int> _callCounts = new(StringComparer.Ordinal);
    private readonly List<string> _violations = [];
    private readonly Dictionary<string, int> _revisions = new(StringComparer.Ordinal);

    public static Uri Endpoint { get; } = new($"https://ecs.{FakeEcr.Region}.amazonaws.com/");

    public FakeEcrFaults Faults { get; } = new();

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (Gate)
            {
                return [.. _violations];
            }
        }
    }

    internal Lock Gate { get; } = new();

    internal Dictionary<string, FakeEcsCluster> Clusters { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, IReadOnlyList<string>> TaskDefinitions { get; } = new(StringComparer.Ordinal);

    public static string ClusterArn(string name) => $"arn:aws:ecs:{FakeEcr.Region}:{FakeEcr.AccountId}:cluster/{name}";

    public int CallCount(string operation)
    {
        lock (Gate)
        {
            return _callCounts.GetValueOrDefault(operation);
        }
    }

    public void AddCluster(string name)
    {
        lock (Gate)
        {
            Clusters.Add(name, new FakeEcsCluster(name));
        }
    }

    /// <summary>Registers a revision of <paramref name="family"/> with one container per image; returns its ARN.</summary>
    public string AddTaskDefinition(string family, params string[] images)
    {
        lock (Gate)
        {
            var revision = _revisions[family] = _revisions.GetValueOrDefault(family) + 1;
            var arn = $"arn:aws:ecs:{FakeEcr.Region}:{FakeEcr.AccountId}:task-definition/{family}:{revision}";
            TaskDefinitions[arn] = images;
            return arn;
        }
    }

    public void AddService(string cluster, string name, params (string Status, string TaskDefinition)[] deployments)
    {
        lock (Gate)
        {
            Clusters[cluster].Services.Add(new FakeEcsService(name, deployments));
        }
    }

    /// <summary>Starts a task; <paramref name="group"/> is e.g. <c>service:api</c> or <c>family:job</c>. Returns its ARN.</summary>
    public string AddTask(string cluster, string taskDefinition, string? group, params (string Image, string? Digest)[] containers)
    {
        lock (Gate)
        {
            var arn = $"arn:aws:ecs:{FakeEcr.Region}:{FakeEcr.AccountId}:task/{cluster}/{Guid.NewGuid():N}";
            Clusters[cluster].Tasks.Add(new FakeEcsTask(arn, group, taskDefinition, containers));
            return arn;
        }
    }

    /// <summary>The production client (signing included) over this fake; without a pipeline nothing is retried.</summary>
    public IEcsClient CreateClient(ResiliencePipeline? pipeline = null) =>
        new EcsClient(
            SignedHttpClient.Create(FakeEcr.Region, AwsService.Ecs, FakeAwsCredentials.Create(), new FakeEcsHandler(this)),
            Endpoint,
            pipeline ?? ResiliencePipeline.Empty);

    internal FakeEcrCall RecordCall(string operation, JsonObject body, string authorization)
    {
        lock (Gate)
        {
            var number = _callCounts[operation] = _callCounts.GetValueOrDefault(operation) + 1;
            return new FakeEcrCall(operation, number, body, authorization, string.Empty);
        }
    }

    internal ContractViolationException Violation(string message)
    {
        lock (Gate)
        {
            _violations.Add(message);
        }

        return new ContractViolationException(message);
    }
}
