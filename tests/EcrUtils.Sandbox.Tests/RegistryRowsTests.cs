namespace EcrUtils.Sandbox.Tests;

public sealed class RegistryRowsTests
{
    [Fact]
    public void Of_ListsNewestFirst_EachIndexFollowedByItsPlatforms()
    {
        var (index, children) = DemoManifests.MultiArch("web-9", 100, "linux/amd64", "linux/arm64");
        var plain = DemoManifests.Image("web-branch-1", 97);
        var repository = new RepositoryState("web", "uri", [
            Image(children[0], 10, size: 104),
            Image(children[1], 10, size: 105),
            Image(index, 11, size: null, "automation-master-9"),
            Image(plain, 20, size: 97, "automation-7b41e0c2-1"),
        ]);

        var sut = RegistryRows.Of(repository);

        Assert.Equal([plain.Digest, index.Digest, children[0].Digest, children[1].Digest], sut.Select(r => r.Digest));
        Assert.Equal("index, 2 platforms", sut[1].Note);
        Assert.Equal(209, sut[1].Size);
        Assert.Equal(["linux/amd64", "linux/arm64"], sut.Skip(2).Select(r => r.Note));
        Assert.All(sut.Skip(2), row => Assert.True(row.IsChild));
    }

    [Fact]
    public void Of_CarriesEachImagesStatusAndLastPull()
    {
        var archived = DemoManifests.Image("api-10", 100);
        var pulled = DemoManifests.Image("api-15", 100);
        var repository = new RepositoryState("api", "uri", [
            Image(archived, 10, size: 100, "automation-master-10") with { Status = ImageStatuses.Archived, LastRecordedPullTime = 15.5 },
            Image(pulled, 20, size: 100, "automation-master-15") with { LastRecordedPullTime = 30 },
        ]);

        var sut = RegistryRows.Of(repository);

        Assert.Equal(
            [(pulled.Digest, ImageStatuses.Active, DateTimeOffset.FromUnixTimeSeconds(30)), (archived.Digest, ImageStatuses.Archived, DateTimeOffset.FromUnixTimeMilliseconds(15_500))],
            sut.Select(r => (r.Digest, r.Status, r.LastPull!.Value)));
    }

    private static ImageState Image(DemoManifest manifest, double pushedAt, long? size, params string[] tags) =>
        new(manifest.Digest, tags, pushedAt, manifest.MediaType, size, manifest.Json);
}
