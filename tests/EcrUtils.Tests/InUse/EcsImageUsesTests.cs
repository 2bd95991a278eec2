using EcrUtils.Ecs;
using EcrUtils.InUse;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.InUse;

public sealed class EcsImageUsesTests
{
    private const string Repo = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api";
    private readonly FakeEcs _ecs = new();

    [Fact]
    public async Task ReadAsync_ReadsPrimaryAndActiveDeployments_ButNotInactiveOnes()
    {
        _ecs.AddCluster("prod");
        var primary = _ecs.AddTaskDefinition("api", $"{Repo}:automation-master-5", "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0");
        var active = _ecs.AddTaskDefinition("api", $"{Repo}:automation-master-4");
        var inactive = _ecs.AddTaskDefinition("api", $"{Repo}:automation-master-3");
        _ecs.AddService("prod", "api", ("PRIMARY", primary), ("ACTIVE", active), ("INACTIVE", inactive));
        var sut = new EcsImageUses(_ecs.CreateClient());

        var found = await sut.ReadAsync([], CancellationToken.None);

        Assert.Equal(
            [($"{Repo}:automation-master-4", "prod/api"), ($"{Repo}:automation-master-5", "prod/api")],
            found.Uses.Select(u => (u.Reference.ToString(), u.UsedBy)).Order());
        Assert.Equal((1, 1, 0), (found.EcsClusters, found.EcsServices, found.EcsTasks));
        Assert.Empty(_ecs.Violations);
    }

    [Fact]
    public async Task ReadAsync_ReadsRunningTasks_WithTheDigestEcsResolved()
    {
        var digest = FakeEcr.Digest("running");
        _ecs.AddCluster("jobs");
        var definition = _ecs.AddTaskDefinition("nightly", $"{Repo}:automation-master-2");
        _ecs.AddTask("jobs", definition, "family:nightly", ($"{Repo}:automation-master-2", digest));
        var sut = new EcsImageUses(_ecs.CreateClient());

        var found = await sut.ReadAsync([], CancellationToken.None);

        Assert.Contains(found.Uses, u => u.Reference.Digest == digest && u.Reference.Repository == "api" && u.UsedBy == "jobs/family:nightly");
        Assert.Contains(found.Uses, u => u.Reference.Tag == "automation-master-2");
        Assert.Equal(1, found.EcsTasks);
    }

    [Fact]
    public async Task ReadAsync_NamesAServicesTasksByTheService()
    {
        _ecs.AddCluster("prod");
        var definition = _ecs.AddTaskDefinition("api", $"{Repo}:automation-master-1");
        _ecs.AddTask("prod", definition, "service:api", ($"{Repo}:automation-master-1", null));
        var sut = new EcsImageUses(_ecs.CreateClient());

        var found = await sut.ReadAsync([], CancellationToken.None);

        Assert.All(found.Uses, u => Assert.Equal("prod/api", u.UsedBy));
    }

    [Fact]
    public async Task ReadAsync_PagesAndBatchesAtEcsLimits_AndDescribesEachTaskDefinitionOnce()
    {
        _ecs.AddCluster("big");
        var definition = _ecs.AddTaskDefinition("api", $"{Repo}:automation-master-1");
        for (var i = 0; i < 105; i++)
        {
            _ecs.AddService("big", $"svc-{i:000}", ("PRIMARY", definition));
        }

        for (var i = 0; i < 250; i++)
        {
            _ecs.AddTask("big", definition, "family:api", ($"{Repo}:automation-master-1", null));
        }

        var sut = new EcsImageUses(_ecs.CreateClient());

        var found = await sut.ReadAsync([], CancellationToken.None);

        Assert.Equal((105, 250), (found.EcsServices, found.EcsTasks));
        Assert.Equal(2, _ecs.CallCount(EcsOperation.ListServices));
        Assert.Equal(11, _ecs.CallCount(EcsOperation.DescribeServices));
        Assert.Equal(3, _ecs.CallCount(EcsOperation.ListTasks));
        Assert.Equal(3, _ecs.CallCount(EcsOperation.DescribeTasks));
        Assert.Equal(1, _ecs.CallCount(EcsOperation.DescribeTaskDefinition));
        Assert.Empty(_ecs.Violations);
    }

    [Fact]
    public async Task ReadAsync_ReadsOnlyTheGivenClusters()
    {
        _ecs.AddCluster("prod");
        _ecs.AddCluster("staging");
        _ecs.AddService("prod", "api", ("PRIMARY", _ecs.AddTaskDefinition("api", $"{Repo}:prod")));
        _ecs.AddService("staging", "api", ("PRIMARY", _ecs.AddTaskDefinition("api-staging", $"{Repo}:staging")));
        var sut = new EcsImageUses(_ecs.CreateClient());

        var found = await sut.ReadAsync([FakeEcs.ClusterArn("staging")], CancellationToken.None);

        var use = Assert.Single(found.Uses);
        Assert.Equal(("staging", "staging/api"), (use.Reference.Tag, use.UsedBy));
        Assert.Equal(0, _ecs.CallCount(EcsOperation.ListClusters));
    }

    [Fact]
    public async Task ReadAsync_ListsEveryCluster_AcrossPages()
    {
        for (var i = 0; i < 120; i++)
        {
            _ecs.AddCluster($"c{i:000}");
        }

        var sut = new EcsImageUses(_ecs.CreateClient());

        var found = await sut.ReadAsync([], CancellationToken.None);

        Assert.Equal(120, found.EcsClusters);
        Assert.Equal(2, _ecs.CallCount(EcsOperation.ListClusters));
    }

    [Fact]
    public async Task ReadAsync_SkipsAClusterDeletedAfterItWasListed()
    {
        _ecs.AddCluster("gone");
        _ecs.AddCluster("prod");
        _ecs.AddService("prod", "api", ("PRIMARY", _ecs.AddTaskDefinition("api", $"{Repo}:automation-master-1")));
        _ecs.Faults.Enqueue(EcsOperation.ListServices, FakeEcrFault.Error(System.Net.HttpStatusCode.BadRequest, "ClusterNotFoundException", "Cluster not found."));
        var sut = new EcsImageUses(_ecs.CreateClient());

        var found = await sut.ReadAsync([], CancellationToken.None);

        Assert.Equal(1, found.EcsClusters);
        Assert.Equal("prod/api", Assert.Single(found.Uses).UsedBy);
    }
}
