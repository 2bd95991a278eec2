using EcrUtils.Planning;

namespace EcrUtils.Tests.Planning;

public sealed class CompanionTagsTests
{
    private const string Hex = "3f2a9c1d3f2a9c1d3f2a9c1d3f2a9c1d3f2a9c1d3f2a9c1d3f2a9c1d3f2a9c1d";

    [Theory]
    [InlineData("sig")]
    [InlineData("att")]
    [InlineData("sbom")]
    public void TryGetSubject_FindsTheDigest_OfEachCompanionKind(string kind)
    {
        var found = CompanionTags.TryGetSubject($"sha256-{Hex}.{kind}", out var subject);

        Assert.True(found);
        Assert.Equal($"sha256:{Hex}", subject);
    }

    [Theory]
    [InlineData("automation-master-17")]
    [InlineData("sha256-" + Hex)]
    [InlineData("sha256-" + Hex + ".sig.old")]
    [InlineData("sha256-" + Hex + ".txt")]
    [InlineData("sha256-3F2A9C1D3F2A9C1D3F2A9C1D3F2A9C1D3F2A9C1D3F2A9C1D3F2A9C1D3F2A9C1D.sig")]
    [InlineData("sha256-3f2a9c1d.sig")]
    [InlineData("sha512-" + Hex + ".sig")]
    [InlineData("x-sha256-" + Hex + ".sig")]
    public void TryGetSubject_RejectsOtherTags(string tag)
    {
        Assert.False(CompanionTags.TryGetSubject(tag, out var subject));
        Assert.Null(subject);
    }

    [Fact]
    public void For_BuildsTheTagThatTryGetSubjectReads()
    {
        var tag = CompanionTags.For($"sha256:{Hex}", "att");

        Assert.Equal($"sha256-{Hex}.att", tag);
        Assert.True(CompanionTags.TryGetSubject(tag, out var subject));
        Assert.Equal($"sha256:{Hex}", subject);
    }
}
