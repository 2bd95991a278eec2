using EcrUtils.Ecr;
using EcrUtils.Planning;

namespace EcrUtils.Tests.Planning;

public sealed class ManifestIndexTests
{
    [Theory]
    [InlineData("application/vnd.oci.image.index.v1+json", true)]
    [InlineData("application/vnd.docker.distribution.manifest.list.v2+json", true)]
    [InlineData("application/vnd.oci.image.manifest.v1+json", false)]
    [InlineData("application/vnd.docker.distribution.manifest.v2+json", false)]
    [InlineData(null, false)]
    public void IsIndex_RecognisesBothIndexMediaTypes(string? mediaType, bool expected)
    {
        var image = new EcrImage("sha256:a", ["v1"], DateTimeOffset.UnixEpoch, 1, mediaType);

        Assert.Equal(expected, ManifestIndex.IsIndex(image));
    }

    [Fact]
    public void TryReadChildren_ReadsTheDigestsOfTheListedManifests()
    {
        const string manifest = """
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:aa","size":1,"platform":{"os":"linux","architecture":"amd64"}},
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:bb","size":1,"platform":{"os":"linux","architecture":"arm64"}}]}
            """;

        var children = ManifestIndex.TryReadChildren(manifest);

        Assert.Equal(["sha256:aa", "sha256:bb"], children);
    }

    [Fact]
    public void TryReadChildren_ReadsAnEmptyIndexAsNoChildren()
    {
        Assert.Equal([], ManifestIndex.TryReadChildren("""{"schemaVersion":2,"manifests":[]}"""));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"schemaVersion":2,"layers":[]}""")]
    [InlineData("""{"manifests":{"digest":"sha256:aa"}}""")]
    [InlineData("""{"manifests":[{"digest":"sha256:aa"},{"size":1}]}""")]
    [InlineData("""{"manifests":[{"digest":""}]}""")]
    public void TryReadChildren_IsNull_WhenTheManifestIsNoReadableIndex(string manifest)
    {
        Assert.Null(ManifestIndex.TryReadChildren(manifest));
    }
}
