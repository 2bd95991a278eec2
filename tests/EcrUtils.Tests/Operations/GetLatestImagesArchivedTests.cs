using EcrUtils.Operations;

namespace EcrUtils.Tests.Operations;

public sealed class GetLatestImagesArchivedTests : IDisposable
{
    private readonly OperationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task GetLatest_IgnoresAnArchivedNewerImage()
    {
        _fixture.Ecr.AddRepository("api");
        var active = _fixture.Push("api", 1, "automation-master-1");
        var archived = _fixture.Push("api", 2, "automation-master-2");
        _fixture.Ecr.SetStatus("api", archived, "ARCHIVED");
        var sut = new GetLatestImagesOperation(_fixture.Ecr.CreateClient());

        var result = Assert.Single(await sut.RunAsync(OperationFixture.Options("--environment=automation-master", "--repository=api"), CancellationToken.None));

        Assert.Equal((active, "automation-master-1"), (result.Latest!.Image.Digest, result.Latest.Tag));
        Assert.Equal((archived, "automation-master-2"), (result.NewerArchived!.Image.Digest, result.NewerArchived.Tag));
    }

    [Fact]
    public async Task GetLatest_NamesNoArchivedImage_ThatIsOlderThanTheLatest()
    {
        _fixture.Ecr.AddRepository("api");
        _fixture.Ecr.SetStatus("api", _fixture.Push("api", 1, "automation-master-1"), "ARCHIVED");
        _fixture.Push("api", 2, "automation-master-2");
        var sut = new GetLatestImagesOperation(_fixture.Ecr.CreateClient());

        var result = Assert.Single(await sut.RunAsync(OperationFixture.Options("--environment=automation-master", "--repository=api"), CancellationToken.None));

        Assert.Equal("automation-master-2", result.Latest!.Tag);
        Assert.Null(result.NewerArchived);
    }

    [Fact]
    public async Task GetLatest_FindsNothing_WhenEveryImageIsArchived()
    {
        _fixture.Ecr.AddRepository("api");
        _fixture.Ecr.SetStatus("api", _fixture.Push("api", 1, "automation-master-1"), "ARCHIVED");
        var sut = new GetLatestImagesOperation(_fixture.Ecr.CreateClient());

        var result = Assert.Single(await sut.RunAsync(OperationFixture.Options("--environment=automation-master", "--repository=api"), CancellationToken.None));

        Assert.False(result.Found);
        Assert.Equal("automation-master-1", result.NewerArchived!.Tag);
    }
}
