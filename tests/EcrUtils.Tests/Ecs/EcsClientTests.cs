using System.Net;
using EcrUtils.Aws;
using EcrUtils.Ecs;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.Ecs;

public sealed class EcsClientTests
{
    private readonly FakeEcs _ecs = new();

    [Fact]
    public async Task DescribeServices_SplitsIntoCallsOfTen()
    {
        _ecs.AddCluster("prod");
        var definition = _ecs.AddTaskDefinition("api", "img");
        var names = Enumerable.Range(0, 23).Select(i => $"svc-{i}").ToList();
        names.ForEach(name => _ecs.AddService("prod", name, ("PRIMARY", definition)));
        var sut = _ecs.CreateClient();

        var services = await sut.DescribeServicesAsync("prod", names, CancellationToken.None);

        Assert.Equal(23, services.Count);
        Assert.Equal(3, _ecs.CallCount(EcsOperation.DescribeServices));
        Assert.Empty(_ecs.Violations);
    }

    [Fact]
    public async Task DescribeServices_LeavesOutServicesThatAreGone()
    {
        _ecs.AddCluster("prod");
        _ecs.AddService("prod", "api", ("PRIMARY", _ecs.AddTaskDefinition("api", "img")));
        var sut = _ecs.CreateClient();

        var services = await sut.DescribeServicesAsync("prod", ["api", "deleted"], CancellationToken.None);

        Assert.Equal("api", Assert.Single(services).Name);
    }

    [Fact]
    public async Task Errors_KeepTheirCodeAndOperation()
    {
        _ecs.Faults.Enqueue(EcsOperation.ListClusters, FakeEcrFault.Error(HttpStatusCode.BadRequest, "AccessDeniedException", "not authorized"));
        var sut = _ecs.CreateClient();

        var error = await Assert.ThrowsAsync<AwsServiceException>(async () => await sut.ListClustersAsync(CancellationToken.None).ToListAsync());

        Assert.Equal(("AccessDeniedException", EcsOperation.ListClusters), (error.ErrorCode, error.Operation));
    }

    [Fact]
    public async Task AnswerThatIsNotJson_NamesTheEcsEndpointVariable()
    {
        _ecs.Faults.Enqueue(EcsOperation.ListClusters, FakeEcrFault.Raw(HttpStatusCode.OK, "text/html", "<html>proxy</html>"));
        var sut = _ecs.CreateClient();

        var error = await Assert.ThrowsAsync<AwsServiceException>(async () => await sut.ListClustersAsync(CancellationToken.None).ToListAsync());

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains("AWS_ENDPOINT_URL_ECS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListClusters_Fails_WhenTheNextTokenDoesNotChange()
    {
        _ecs.Faults.When = _ => FakeEcrFault.Raw(HttpStatusCode.OK, "application/x-amz-json-1.1", """{"clusterArns":["a"],"nextToken":"same"}""");
        var sut = _ecs.CreateClient();

        var error = await Assert.ThrowsAsync<AwsServiceException>(async () => await sut.ListClustersAsync(CancellationToken.None).ToListAsync());

        Assert.Contains("nextToken did not change", error.Message, StringComparison.Ordinal);
    }
}
