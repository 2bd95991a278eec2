using EcrUtils.Operations;

namespace EcrUtils.Tests.Operations;

public sealed class GetLatestImagesOperationTests : IDisposable
{
    private readonly OperationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task GetLatest_ReturnsNewestImage_WithTagAndPinnedUri()
    {
        _fixture.Ecr.AddRepository("api");
        _fixture.Push("api", 1, "automation-master-1");
        var newest = _fixture.Push("api", 2, "automation-master-2", "automation-master-latest");
        _fixture.Push("api", 3, "automation-3f2a9c1d-1");
        var sut = new GetLatestImagesOperation(_fixture.Ecr.CreateClient());

        var results = await sut.RunAsync(OperationFixture.Options("--environment=automation-master", "--repository=api"), CancellationToken.None);

        var result = Assert.Single(results);
        Assert.Equal("automation-master-2", result.Latest!.Tag);
        Assert.Equal(newest, result.Latest.Image.Digest);
        Assert.Equal($"123456789012.dkr.ecr.us-east-1.amazonaws.com/api@{newest}", result.PinnedUri);
        Assert.Equal("123456789012.dkr.ecr.us-east-1.amazonaws.com/api:automation-master-2", result.ImageUri);
        Assert.False(result.IsFallback);
    }

    [Fact]
    public async Task GetLatest_UsesFallbackEnvironment_WhereTheEnvironmentHasNoImage()
    {
        _fixture.Ecr.AddRepository("api");
        _fixture.Ecr.AddRepository("web");
        _fixture.Push("api", 1, "automation-3f2a9c1d-1");
        _fixture.Push("api", 2, "production-7");
        _fixture.Push("web", 1, "production-3");
        var sut = new GetLatestImagesOperation(_fixture.Ecr.CreateClient());

        var results = await sut.RunAsync(
            OperationFixture.Options("--environment=automation-3f2a9c1d", "--all-repositories", "--fallback-environment=production"),
            CancellationToken.None);

        Assert.Equal(["api", "web"], results.Select(r => r.Repository.Name));
        Assert.Equal(("automation-3f2a9c1d-1", false), (results[0].Latest!.Tag, results[0].IsFallback));
        Assert.Equal(("production-3", true, "production"), (results[1].Latest!.Tag, results[1].IsFallback, results[1].Environment));
    }

    [Fact]
    public async Task GetLatest_ReportsMissingImage_WithoutFallback()
    {
        _fixture.Ecr.AddRepository("api");
        _fixture.Push("api", 1, "production-1");
        var sut = new GetLatestImagesOperation(_fixture.Ecr.CreateClient());

        var results = await sut.RunAsync(OperationFixture.Options("--environment=automation-master", "--repository=api"), CancellationToken.None);

        Assert.False(Assert.Single(results).Found);
    }
}
