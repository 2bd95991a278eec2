using System.Net;
using System.Runtime.CompilerServices;
using EcrUtils.Aws;
using EcrUtils.Ecs.Json;
using Polly;

namespace EcrUtils.Ecs;

/// <summary>
/// The ECS client over HttpClient and the AWS JSON 1.1 protocol, with ECS's documented limits: list calls take
/// maxResults 1..100, DescribeServices 10 services and DescribeTasks 100 tasks a call:
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeServices.html
/// </summary>
internal sealed class EcsClient : IEcsClient
{
    internal const int MaxResults = 100;
    internal const int MaxServicesPerDescribe = 10;
    internal const int MaxTasksPerDescribe = 100;

    // PENDING and RUNNING tasks both have the desired status RUNNING; ECS never sets PENDING as a desired status.
    private const string RunningStatus = "RUNNING";

    private static readonly EcsJsonContext s_json = EcsJsonContext.Default;
    private readonly AwsJsonSender _sender;

    internal EcsClient(HttpClient httpClient, Uri endpoint, ResiliencePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(pipeline);
        _sender = new AwsJsonSender(httpClient, endpoint, pipeline, AwsService.Ecs, "AmazonEC2ContainerServiceV20141113.");
    }

    public async IAsyncEnumerable<string> ListClustersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? nextToken = null;
        do
        {
            var response = await _sender.SendAsync(
                EcsOperation.ListClusters, new ListClustersRequest(nextToken, MaxResults), s_json.ListClustersRequest, s_json.ListClustersResponse, cancellationToken)
                .ConfigureAwait(false);
            foreach (var arn in response.ClusterArns ?? [])
            {
                yield return arn;
            }

            nextToken = NextPage(EcsOperation.ListClusters, nextToken, response.NextToken);
        }
        while (nextToken is not null);
    }

    public async IAsyncEnumerable<string> ListServicesAsync(string cluster, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        string? nextToken = null;
        do
        {
            var response = await _sender.SendAsync(
                EcsOperation.ListServices, new ListServicesRequest(cluster, nextToken, MaxResults), s_json.ListServicesRequest, s_json.ListServicesResponse, cancellationToken)
                .ConfigureAwait(false);
            foreach (var arn in response.ServiceArns ?? [])
            {
                yield return arn;
            }

            nextToken = NextPage(EcsOperation.ListServices, nextToken, response.NextToken);
        }
        while (nextToken is not null);
    }

    public async Task<IReadOnlyList<EcsService>> DescribeServicesAsync(string cluster, IReadOnlyList<string> services, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        ArgumentNullException.ThrowIfNull(services);
        List<EcsService> described = [];
        foreach (var chunk in services.Distinct(StringComparer.Ordinal).Chunk(MaxServicesPerDescribe))
        {
            var response = await _sender.SendAsync(
                EcsOperation.DescribeServices, new DescribeServicesRequest(cluster, chunk), s_json.DescribeServicesRequest, s_json.DescribeServicesResponse, cancellationToken)
                .ConfigureAwait(false);
            described.AddRange((response.Services ?? []).Select(EcsResponseMapper.ToService));
        }

        return described;
    }

    public async IAsyncEnumerable<string> ListRunningTasksAsync(string cluster, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        string? nextToken = null;
        do
        {
            var response = await _sender.SendAsync(
                EcsOperation.ListTasks, new ListTasksRequest(cluster, nextToken, MaxResults, RunningStatus), s_json.ListTasksRequest, s_json.ListTasksResponse, cancellationToken)
                .ConfigureAwait(false);
            foreach (var arn in response.TaskArns ?? [])
            {
                yield return arn;
            }

            nextToken = NextPage(EcsOperation.ListTasks, nextToken, response.NextToken);
        }
        while (nextToken is not null);
    }

    public async Task<IReadOnlyList<EcsTask>> DescribeTasksAsync(string cluster, IReadOnlyList<string> tasks, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        ArgumentNullException.ThrowIfNull(tasks);
        List<EcsTask> described = [];
        foreach (var chunk in tasks.Distinct(StringComparer.Ordinal).Chunk(MaxTasksPerDescribe))
        {
            var response = await _sender.SendAsync(
                EcsOperation.DescribeTasks, new DescribeTasksRequest(cluster, chunk), s_json.DescribeTasksRequest, s_json.DescribeTasksResponse, cancellationToken)
                .ConfigureAwait(false);
            described.AddRange((response.Tasks ?? []).Select(EcsResponseMapper.ToTask));
        }

        return described;
    }

    public async Task<EcsTaskDefinition> DescribeTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskDefinition);
        var response = await _sender.SendAsync(
            EcsOperation.DescribeTaskDefinition,
            new DescribeTaskDefinitionRequest(taskDefinition),
            s_json.DescribeTaskDefinitionRequest,
            s_json.DescribeTaskDefinitionResponse,
            cancellationToken).ConfigureAwait(false);
        return EcsResponseMapper.ToTaskDefinition(response.TaskDefinition, taskDefinition);
    }

    // A token that comes back unchanged would page forever.
    private static string? NextPage(string operation, string? sent, string? received) =>
        string.IsNullOrEmpty(received) ? null
        : received == sent ? throw InvalidServiceResponse.Create(AwsService.Ecs, operation, HttpStatusCode.OK, "nextToken did not change from one page to the next")
        : received;
}
