using System.Net;
using System.Reflection;
using System.Text.Json;
using Amazon.Runtime;
using EcrUtils.Aws;
using EcrUtils.Connections;
using EcrUtils.Ecs;
using EcrUtils.Lambda;
using EcrUtils.Resilience;

namespace EcrUtils.IntegrationTests;

/// <summary>The in-use check's ECS and Lambda clients against moto, in-process: wire formats, signing and permissions.</summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed class InUseCheckMotoTests(MotoServer server) : MotoTest(server)
{
    [Fact]
    public async Task Collector_FindsServicesRunningTasksAndFunctions()
    {
        await MotoWorkloads.CreateAsync(Server, new WorkloadSpec(
            [new ClusterSpec("prod", [new ServiceSpec("api", Image("api:automation-master-2"))], [new TaskSpec("nightly", Image("api:automation-master-3"))])],
            [new FunctionSpec("resize", Image("api:automation-master-1"), ["live"])]));
        var sut = Connect(Server.AccessKeyId, Server.SecretAccessKey).CreateInUseCollector([]);

        var found = await sut.CollectAsync(CancellationToken.None);

        var uses = found.Uses.Select(u => (u.Reference.Tag, u.UsedBy)).Distinct().ToList();
        Assert.Contains(("automation-master-2", "prod/api"), uses);
        Assert.Contains(("automation-master-3", "prod/family:nightly"), uses);
        Assert.Contains(("automation-master-1", "resize:$LATEST"), uses);
        Assert.Contains(("automation-master-1", "resize:live"), uses);
        Assert.Equal((1, 1, 1, 1), (found.EcsClusters, found.EcsServices, found.EcsTasks, found.LambdaFunctions));
    }

    [Fact]
    public async Task ShippedPolicy_AllowsEveryCallOfTheCheck_WithSignaturesVerified()
    {
        await MotoWorkloads.CreateAsync(Server, new WorkloadSpec(
            [new ClusterSpec("prod", [new ServiceSpec("api", Image("api:automation-master-2"))], [new TaskSpec("nightly", Image("api:automation-master-3"))])],
            [new FunctionSpec("resize", Image("api:automation-master-1"), ["live"])]));
        var credentials = await Registry.EnableAuthAsync(await File.ReadAllTextAsync(PolicyPath()));
        var sut = Connect(credentials.AccessKeyId, credentials.SecretAccessKey).CreateInUseCollector([]);

        var found = await sut.CollectAsync(CancellationToken.None);

        Assert.Equal((1, 1, 1, 1), (found.EcsClusters, found.EcsServices, found.EcsTasks, found.LambdaFunctions));
        Assert.Contains(found.Uses, u => u.UsedBy == "resize:live");
    }

    [Fact]
    public async Task PolicyWithoutLambda_StopsTheCheck_NamingThePermission()
    {
        var credentials = await Registry.EnableAuthAsync(IamPolicies.Allow("ecr:*", "ecs:*"));
        var sut = Connect(credentials.AccessKeyId, credentials.SecretAccessKey).CreateInUseCollector([]);

        var error = await Assert.ThrowsAsync<OperationFailedException>(() => sut.CollectAsync(CancellationToken.None));

        Assert.Equal(ExitCodes.InUseCheckFailed, error.ExitCode);
        Assert.Contains("Allow lambda:ListFunctions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyWithoutEcs_StopsTheCheck_NamingThePermission()
    {
        var credentials = await Registry.EnableAuthAsync(IamPolicies.Allow("ecr:*"));
        var sut = Connect(credentials.AccessKeyId, credentials.SecretAccessKey).CreateInUseCollector([]);

        var error = await Assert.ThrowsAsync<OperationFailedException>(() => sut.CollectAsync(CancellationToken.None));

        Assert.Equal(ExitCodes.InUseCheckFailed, error.ExitCode);
        Assert.Contains("Allow ecs:ListClusters", error.Message, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShippedPolicy_ListsEveryActionTheCheckCalls()
    {
        using var policy = JsonDocument.Parse(await File.ReadAllTextAsync(PolicyPath()));
        var allowed = policy.RootElement.GetProperty("Statement").EnumerateArray()
            .SelectMany(statement => statement.GetProperty("Action").EnumerateArray().Select(action => action.GetString()))
            .ToHashSet(StringComparer.Ordinal);

        IEnumerable<string> called =
        [
            .. Operations(typeof(EcsOperation)).Select(operation => "ecs:" + operation),
            .. Operations(typeof(LambdaOperation)).Select(operation => "lambda:" + operation),
        ];

        Assert.All(called, action => Assert.Contains(action, allowed));
        Assert.Equal(9, called.Count());
    }

    private string Image(string repositoryAndTag) => MotoWorkloads.Image(Server, repositoryAndTag);

    private AwsConnection Connect(string accessKeyId, string secretAccessKey)
    {
        var credentials = new DeferredCredentials(
            _ => Task.FromResult<AWSCredentials>(new BasicAWSCredentials(accessKeyId, secretAccessKey)),
            TimeSpan.FromSeconds(10),
            TimeProvider.System);
        var environment = Server.AwsEnvironment();
        return AwsConnection.Create(
            Server.Region,
            name => environment.GetValueOrDefault(name),
            credentials,
            new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All },
            EcrResilience.Create(new EcrRetrySettings { MaxRetryAttempts = 1 }, TimeProvider.System));
    }

    private static string PolicyPath() => Path.Combine(RepositoryRoot.Find(), "iam-policy.json");

    private static IEnumerable<string> Operations(Type constants) =>
        constants.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
}
