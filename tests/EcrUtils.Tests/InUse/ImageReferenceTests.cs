using EcrUtils.InUse;

namespace EcrUtils.Tests.InUse;

public sealed class ImageReferenceTests
{
    private const string Host = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void TryParse_ReadsTag()
    {
        var parsed = ImageReference.TryParse($"{Host}/team/api:automation-master-17", out var sut);

        Assert.True(parsed);
        Assert.Equal(new ImageReference("123456789012", "eu-west-1", "team/api", "automation-master-17", null), sut);
    }

    [Fact]
    public void TryParse_ReadsDigest()
    {
        var parsed = ImageReference.TryParse($"{Host}/api@{Digest}", out var sut);

        Assert.True(parsed);
        Assert.Equal(new ImageReference("123456789012", "eu-west-1", "api", null, Digest), sut);
    }

    [Fact]
    public void TryParse_KeepsBothTagAndDigest_WhenBothAreGiven()
    {
        var parsed = ImageReference.TryParse($"{Host}/api:v1@{Digest}", out var sut);

        Assert.True(parsed);
        Assert.Equal(("v1", Digest), (sut!.Tag, sut.Digest));
    }

    [Fact]
    public void TryParse_ReadsLatest_WhenNeitherTagNorDigestIsGiven()
    {
        var parsed = ImageReference.TryParse($"{Host}/api", out var sut);

        Assert.True(parsed);
        Assert.Equal("latest", sut!.Tag);
        Assert.Null(sut.Digest);
    }

    [Theory]
    [InlineData("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/api:1", "cn-north-1")]
    [InlineData("123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/api:1", "us-gov-west-1")]
    [InlineData("123456789012.dkr-ecr.ap-southeast-2.on.aws/api:1", "ap-southeast-2")]
    [InlineData("123456789012.DKR.ECR.US-EAST-1.AMAZONAWS.COM/api:1", "us-east-1")]
    public void TryParse_ReadsEveryEcrHostForm(string text, string region)
    {
        var parsed = ImageReference.TryParse(text, out var sut);

        Assert.True(parsed);
        Assert.Equal(region, sut!.Region);
        Assert.Equal("123456789012", sut.AccountId);
    }

    [Theory]
    [InlineData("nginx")]
    [InlineData("nginx:1.27")]
    [InlineData("library/nginx:latest")]
    [InlineData("docker.io/library/nginx:latest")]
    [InlineData("public.ecr.aws/lambda/python:3.12")]
    [InlineData("ghcr.io/team/api:1")]
    [InlineData("registry.example.com:5000/team/api:1")]
    [InlineData("localhost:5000/api:1")]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com.evil.example/api:1")]
    [InlineData("evil.example/123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1")]
    public void TryParse_IgnoresOtherRegistriesAndPublicImages(string text)
    {
        Assert.False(ImageReference.TryParse(text, out var sut));
        Assert.Null(sut);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(Host)]
    [InlineData(Host + "/")]
    [InlineData(Host + "/api:")]
    [InlineData(Host + "/api@")]
    [InlineData(Host + "/API:1")]
    [InlineData(Host + "/api:-leading-dash")]
    [InlineData(Host + "/api:has space")]
    [InlineData(Host + "/api@sha256:abc")]
    [InlineData(Host + "/api@sha512:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData(Host + "/api@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData(Host + "/api@sha256@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData(Host + "/team//api:1")]
    [InlineData(Host + "/a:1")]
    [InlineData(" " + Host + "/api:1")]
    [InlineData("12345678901.dkr.ecr.eu-west-1.amazonaws.com/api:1")]
    [InlineData("123456789012.dkr.ecr.eu-west.amazonaws.com/api:1")]
    public void TryParse_RejectsMalformedReferences(string? text)
    {
        Assert.False(ImageReference.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_RejectsTagLongerThan128Characters()
    {
        Assert.True(ImageReference.TryParse($"{Host}/api:{new string('a', 128)}", out _));
        Assert.False(ImageReference.TryParse($"{Host}/api:{new string('a', 129)}", out _));
    }

    [Fact]
    public void IsIn_ComparesAccountRegionAndRepository()
    {
        Assert.True(ImageReference.TryParse($"{Host}/team/api:1", out var sut));

        Assert.True(sut.IsIn("123456789012", "eu-west-1", "team/api"));
        Assert.False(sut.IsIn("210987654321", "eu-west-1", "team/api"));
        Assert.False(sut.IsIn("123456789012", "us-east-1", "team/api"));
        Assert.False(sut.IsIn("123456789012", "eu-west-1", "api"));
    }

    [Theory]
    [InlineData("team/api:automation-master-17", "team/api", "automation-master-17", null)]
    [InlineData("api@" + Digest, "api", null, Digest)]
    [InlineData("api:v1@" + Digest, "api", "v1", Digest)]
    [InlineData("api", "api", "latest", null)]
    public void TryParseName_ReadsAReferenceWithoutARegistry(string text, string repository, string? tag, string? digest)
    {
        var parsed = ImageReference.TryParseName(text, out var sut);

        Assert.True(parsed);
        Assert.Equal(new ImageReference(null, null, repository, tag, digest), sut);
        Assert.Equal(text == "api" ? "api:latest" : text, sut!.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("API:1")]
    [InlineData("api:")]
    [InlineData("api@sha256:abc")]
    [InlineData("api:has space")]
    public void TryParseName_RejectsWhatIsNoRepositoryReference(string? text)
    {
        Assert.False(ImageReference.TryParseName(text, out _));
    }

    [Fact]
    public void IsIn_TakesAReferenceWithoutARegistry_ForAnyRegistry()
    {
        Assert.True(ImageReference.TryParseName("team/api:1", out var sut));

        Assert.True(sut.IsIn("123456789012", "eu-west-1", "team/api"));
        Assert.True(sut.IsIn("210987654321", null, "team/api"));
        Assert.False(sut.IsIn("123456789012", "eu-west-1", "api"));
    }

    [Fact]
    public void IsInRegistry_TakesAnyRegion_WhenTheRegistrysRegionIsUnknown()
    {
        Assert.True(ImageReference.TryParse($"{Host}/api:1", out var sut));

        Assert.True(sut.IsInRegistry("123456789012", null));
        Assert.True(sut.IsInRegistry("123456789012", "eu-west-1"));
        Assert.False(sut.IsInRegistry("123456789012", "us-east-1"));
        Assert.False(sut.IsInRegistry("210987654321", null));
    }
}
