using EcrUtils.Aws;
using EcrUtils.Ecr;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.Ecr;

public sealed class EcrClientRepositoryTests
{
    private readonly FakeEcr _ecr = new();

    [Fact]
    public async Task DescribeRepositories_PagesThroughAll_WhenNoNamesAreGiven()
    {
        for (var i = 0; i < 2300; i++)
        {
            _ecr.AddRepository($"team/app-{i:0000}");
        }

        var sut = _ecr.CreateClient();

        var repositories = await ReadAsync(sut.DescribeRepositoriesAsync(null, [], CancellationToken.None));

        Assert.Equal(2300, repositories.Select(r => r.Name).Distinct().Count());
        Assert.Equal(3, _ecr.CallCount(EcrOperation.DescribeRepositories));
        Assert.All(_ecr.Calls, c => Assert.Equal(1000, (int)c.Body["maxResults"]!));
    }

    [Fact]
    public async Task DescribeRepositories_SendsNamesInChunksOf100_WithoutMaxResults()
    {
        var names = Enumerable.Range(0, 250).Select(i => $"team/app-{i:000}").ToList();
        names.ForEach(name => _ecr.AddRepository(name));
        _ecr.AddRepository("team/other");
        var sut = _ecr.CreateClient();

        var repositories = await ReadAsync(sut.DescribeRepositoriesAsync(FakeEcr.AccountId, names, CancellationToken.None));

        Assert.Equal(names, repositories.Select(r => r.Name));
        Assert.Equal([100, 100, 50], _ecr.Calls.Select(c => c.Body["repositoryNames"]!.AsArray().Count));
        Assert.All(_ecr.Calls, c => Assert.False(c.Body.ContainsKey("maxResults")));
        Assert.All(_ecr.Calls, c => Assert.Equal(FakeEcr.AccountId, (string?)c.Body["registryId"]));
        Assert.Empty(_ecr.Violations);
    }

    [Fact]
    public async Task DescribeRepositories_MapsArnRegistryAndUri()
    {
        _ecr.AddRepository("team/api");
        var sut = _ecr.CreateClient();

        var repository = Assert.Single(await ReadAsync(sut.DescribeRepositoriesAsync(null, ["team/api"], CancellationToken.None)));

        Assert.Equal(
            new EcrRepository(
                "team/api",
                $"arn:aws:ecr:{FakeEcr.Region}:{FakeEcr.AccountId}:repository/team/api",
                FakeEcr.AccountId,
                $"{FakeEcr.AccountId}.dkr.ecr.{FakeEcr.Region}.amazonaws.com/team/api"),
            repository);
    }

    [Fact]
    public async Task DescribeRepositories_Throws_WhenANamedRepositoryIsMissing()
    {
        _ecr.AddRepository("team/api");
        var sut = _ecr.CreateClient();

        var error = await Assert.ThrowsAsync<AwsServiceException>(
            () => ReadAsync(sut.DescribeRepositoriesAsync(null, ["team/api", "team/gone"], CancellationToken.None)));

        Assert.Equal("RepositoryNotFoundException", error.ErrorCode);
    }

    [Fact]
    public async Task ListTagsForResource_ReturnsTheRepositoryTags()
    {
        _ecr.AddRepository("team/api", new Dictionary<string, string> { ["Project"] = "shop", ["Owner"] = "" });
        var sut = _ecr.CreateClient();

        var tags = await sut.ListTagsForResourceAsync(
            $"arn:aws:ecr:{FakeEcr.Region}:{FakeEcr.AccountId}:repository/team/api", CancellationToken.None);

        Assert.Equal([new ResourceTag("Project", "shop"), new ResourceTag("Owner", "")], tags);
        Assert.Equal(
            $"arn:aws:ecr:{FakeEcr.Region}:{FakeEcr.AccountId}:repository/team/api",
            (string?)Assert.Single(_ecr.Calls).Body["resourceArn"]);
    }

    private static async Task<List<T>> ReadAsync<T>(IAsyncEnumerable<T> items)
    {
        List<T> list = [];
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
