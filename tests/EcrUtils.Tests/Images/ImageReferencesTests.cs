using EcrUtils.Images;

namespace EcrUtils.Tests.Images;

public sealed class ImageReferencesTests
{
    private const string RepositoryUri = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api";

    [Fact]
    public void TagUri_JoinsRepositoryAndTagWithColon()
    {
        var uri = ImageReferences.TagUri(RepositoryUri, "automation-master-17");

        Assert.Equal("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api:automation-master-17", uri);
    }

    [Fact]
    public void DigestUri_JoinsRepositoryAndDigestWithAt()
    {
        var uri = ImageReferences.DigestUri(RepositoryUri, "sha256:abc123");

        Assert.Equal("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api@sha256:abc123", uri);
    }

    [Theory]
    [InlineData("", "tag")]
    [InlineData("repo", "")]
    [InlineData(" ", "tag")]
    public void TagUri_Throws_WhenAPartIsMissing(string repositoryUri, string tag)
    {
        Assert.ThrowsAny<ArgumentException>(() => ImageReferences.TagUri(repositoryUri, tag));
    }

    [Fact]
    public void DigestUri_Throws_WhenDigestIsMissing()
    {
        Assert.ThrowsAny<ArgumentException>(() => ImageReferences.DigestUri(RepositoryUri, ""));
    }
}
