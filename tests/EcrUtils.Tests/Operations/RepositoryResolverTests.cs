using EcrUtils.Operations;

namespace EcrUtils.Tests.Operations;

public sealed class RepositoryResolverTests : IDisposable
{
    private readonly OperationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task AllRepositories_AppliesPatternTagsAndExclusions()
    {
        _fixture.Ecr.AddRepository("team/api", new Dictionary<string, string> { ["Project"] = "automation" });
        _fixture.Ecr.AddRepository("team/web", new Dictionary<string, string> { ["Project"] = "automation" });
        _fixture.Ecr.AddRepository("team/worker", new Dictionary<string, string> { ["Project"] = "automation" });
        _fixture.Ecr.AddRepository("team/billing", new Dictionary<string, string> { ["Project"] = "billing" });
        _fixture.Ecr.AddRepository("other/api", new Dictionary<string, string> { ["Project"] = "automation" });
        var options = OperationFixture.Options(
            "--environment=automation-master",
            "--all-repositories",
            "--repository-pattern=^team/",
            "--repository-tag=Project=automation",
            "--exclude-repository=team/worker");

        var repositories = await RepositoryResolver.ResolveAsync(_fixture.Ecr.CreateClient(), options, CancellationToken.None);

        Assert.Equal(["team/api", "team/web"], repositories.Select(r => r.Name));
    }

    [Fact]
    public async Task RepositoryTags_AreReadForAllRepositoriesAtOnce()
    {
        for (var i = 0; i < 3; i++)
        {
            _fixture.Ecr.AddRepository($"service-{i}", new Dictionary<string, string> { ["Project"] = i == 1 ? "billing" : "automation" });
        }

        // The first repository's tags come only once the last repository's were asked for: read one repository after
        // the other, the run would wait for ever.
        var lastAsked = new TaskCompletionSource();
        _fixture.Ecr.BeforeCall = async call =>
        {
            if (call.Operation == "ListTagsForResource" && call.Number == 3)
            {
                lastAsked.TrySetResult();
            }
            else if (call.Operation == "ListTagsForResource" && call.Number == 1)
            {
                await lastAsked.Task;
            }
        };
        var options = OperationFixture.Options("--environment=automation-master", "--all-repositories", "--repository-tag=Project=automation");

        var repositories = await RepositoryResolver.ResolveAsync(_fixture.Ecr.CreateClient(), options, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["service-0", "service-2"], repositories.Select(r => r.Name));
        Assert.Equal(3, _fixture.Ecr.CallCount("ListTagsForResource"));
    }

    [Fact]
    public async Task NamedRepositories_AreDescribedByName_InNameOrder()
    {
        _fixture.Ecr.AddRepository("api");
        _fixture.Ecr.AddRepository("web");
        _fixture.Ecr.AddRepository("worker");

        var repositories = await RepositoryResolver.ResolveAsync(
            _fixture.Ecr.CreateClient(),
            OperationFixture.Options("--environment=automation-master", "--repository=web", "--repository=api"),
            CancellationToken.None);

        Assert.Equal(["api", "web"], repositories.Select(r => r.Name));
        Assert.Equal(0, _fixture.Ecr.CallCount("ListTagsForResource"));
    }

    [Theory]
    [InlineData("--exclude-repository=api", "--exclude-repository leaves it out")]
    [InlineData("--repository-pattern=^zzz", "it does not match --repository-pattern")]
    [InlineData("--repository-tag=Project=billing", "it lacks a tag that --repository-tag asks for")]
    public async Task NamedRepository_ThatTheScopeLeavesOut_IsAUsageErrorNamingIt(string filter, string why)
    {
        _fixture.Ecr.AddRepository("api", new Dictionary<string, string> { ["Project"] = "automation" });
        _fixture.Ecr.AddRepository("web", new Dictionary<string, string> { ["Project"] = "billing" });
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api,web", filter);

        var error = await Assert.ThrowsAsync<OperationFailedException>(
            () => RepositoryResolver.ResolveAsync(_fixture.Ecr.CreateClient(), options, CancellationToken.None));

        Assert.Equal(ExitCodes.UsageError, error.ExitCode);
        Assert.StartsWith("--repository names api", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }
}
