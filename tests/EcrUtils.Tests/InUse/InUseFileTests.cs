using EcrUtils.InUse;
using EcrUtils.Options;

namespace EcrUtils.Tests.InUse;

public sealed class InUseFileTests : IDisposable
{
    private const string Account = "123456789012";
    private const string Region = "eu-west-1";
    private const string Host = $"{Account}.dkr.ecr.{Region}.amazonaws.com";
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ecrutils-in-use-file-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("api:automation-master-2", null, null, "api", "automation-master-2", null)]
    [InlineData("team/api:v1.2.3", null, null, "team/api", "v1.2.3", null)]
    [InlineData("api@" + Digest, null, null, "api", null, Digest)]
    [InlineData("api:v1@" + Digest, null, null, "api", "v1", Digest)]
    [InlineData("api", null, null, "api", "latest", null)]
    [InlineData(Host + "/team/api:automation-master-2", Account, Region, "team/api", "automation-master-2", null)]
    [InlineData(Host + "/api@" + Digest, Account, Region, "api", null, Digest)]
    [InlineData("123456789012.dkr.ecr-fips.eu-west-1.amazonaws.com/api:1", Account, Region, "api", "1", null)]
    public void Parse_ReadsEveryForm(string line, string? account, string? region, string repository, string? tag, string? digest)
    {
        var sut = InUseFile.Parse("in-use.txt", [line]).For(Account, Region);

        var use = Assert.Single(sut.Uses);
        Assert.Equal(new ImageReference(account, region, repository, tag, digest), use.Reference);
        Assert.Equal("listed in in-use.txt line 1", use.UsedBy);
        Assert.Equal(0, sut.OtherRegistryLines);
    }

    [Fact]
    public void Parse_IgnoresBlankLinesAndComments_AndCountsLinesFromOne()
    {
        string[] lines =
        [
            "# images that EKS runs, from kubectl",
            "",
            "   ",
            "  api:automation-master-2  ",
            "\tweb:automation-master-7 # the canary",
            "api:automation-master-3\r",
        ];

        var sut = InUseFile.Parse("eks.txt", lines).For(Account, Region);

        Assert.Equal(
            [("api:automation-master-2", "listed in eks.txt line 4"), ("web:automation-master-7", "listed in eks.txt line 5"), ("api:automation-master-3", "listed in eks.txt line 6")],
            sut.Uses.Select(u => (u.Reference.ToString(), u.UsedBy)));
    }

    [Fact]
    public void Parse_OfAnEmptyFile_HasNoReference()
    {
        var sut = InUseFile.Parse("empty.txt", ["# nothing runs elsewhere yet"]).For(Account, Region);

        Assert.Empty(sut.Uses);
        Assert.Equal(("empty.txt", 0, null), (sut.Path, sut.OtherRegistryLines, sut.FirstOtherRegistry));
    }

    [Fact]
    public void For_IgnoresOtherRegistries_CountingThem_AndNamesTheFirst()
    {
        string[] lines =
        [
            "api:automation-master-2",
            "docker.io/library/nginx:1.27",
            "registry.k8s.io/pause:3.9",
            "602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.18.1",
            $"{Account}.dkr.ecr.us-east-1.amazonaws.com/api:automation-master-2",
            "localhost:5000/api:1",
            "localhost/api:1",
            "public.ecr.aws/lambda/python:3.12",
            $"{Host}/api@{Digest}",
        ];

        var sut = InUseFile.Parse("in-use.txt", lines).For(Account, Region);

        Assert.Equal(["listed in in-use.txt line 1", "listed in in-use.txt line 9"], sut.Uses.Select(u => u.UsedBy));
        Assert.Equal(7, sut.OtherRegistryLines);
        Assert.Equal("docker.io", sut.FirstOtherRegistry);
    }

    [Fact]
    public void For_NamesTheFirstIgnoredLinesRegistry_EvenAnEcrOne()
    {
        string[] lines = ["602401143452.dkr.ecr.eu-west-1.amazonaws.com/coredns:v1.11", "ghcr.io/team/tool:2"];

        var sut = InUseFile.Parse("in-use.txt", lines).For(Account, Region);

        Assert.Empty(sut.Uses);
        Assert.Equal((2, "602401143452.dkr.ecr.eu-west-1.amazonaws.com"), (sut.OtherRegistryLines, sut.FirstOtherRegistry));
    }

    [Fact]
    public void For_TakesEveryEcrReference_WhenTheRegistryIsUnknown_AndAnyRegion_WhenItsRegionIs()
    {
        string[] lines = [$"{Host}/api:1", "210987654321.dkr.ecr.us-east-1.amazonaws.com/api:2", "docker.io/nginx:1"];
        var file = InUseFile.Parse("in-use.txt", lines);

        var noRegistry = file.For(null, null);
        var anyRegion = file.For(Account, null);

        Assert.Equal((2, 1), (noRegistry.Uses.Count, noRegistry.OtherRegistryLines));
        Assert.Equal((1, 2), (anyRegion.Uses.Count, anyRegion.OtherRegistryLines));
    }

    [Theory]
    [InlineData("api:automation-master-2 web:automation-master-3")]
    [InlineData("API:1")]
    [InlineData("api:")]
    [InlineData("api@sha256:abc")]
    [InlineData("api@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("api:-leading-dash")]
    [InlineData("team//api:1")]
    [InlineData("/api:1")]
    [InlineData(Host + "/API:1")]
    [InlineData(Host + "/api@sha256:abc")]
    [InlineData(Host + "/")]
    public void Parse_RejectsALineThatIsNoImageReference_NamingItsLine_AndTheFormsToWrite(string line)
    {
        var error = Assert.Throws<OptionsException>(() => InUseFile.Parse("in-use.txt", ["# header", "api:1", line]));

        Assert.StartsWith($"--in-use-file=in-use.txt line 3: '{line}' is not an image reference. Write one image a line, as repo:tag, repo@sha256:<digest>, ", error.Message, StringComparison.Ordinal);
        Assert.Contains("ACCOUNT.dkr.ecr.REGION.amazonaws.com/repo:tag or ACCOUNT.dkr.ecr.REGION.amazonaws.com/repo@sha256:<digest>", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("# starts a comment.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NamesTheFirstBadLine_AndTheNumbersOfTheOthers()
    {
        string[] lines = ["api:1", .. Enumerable.Repeat("not a reference", 8)];

        var error = Assert.Throws<OptionsException>(() => InUseFile.Parse("in-use.txt", lines));

        Assert.StartsWith("--in-use-file=in-use.txt line 2: 'not a reference' is not an image reference (nor are lines 3, 4, 5, 6, 7 and 2 more). ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ShowsABadLine_WithoutControlCharacters_AndShortened()
    {
        var error = Assert.Throws<OptionsException>(() => InUseFile.Parse("in-use.txt", ["api:\u001b[31mred\u202E", "x:" + new string('a', 300)]));

        Assert.Contains("line 1: 'api:?[31mred?' is not an image reference (nor is line 2)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('a', 101), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ReadsTheFile()
    {
        var path = Path.Combine(_folder.FullName, "in-use.txt");
        File.WriteAllText(path, "# EKS\napi:automation-master-2\n");

        var sut = InUseFile.Read("in-use.txt", path).For(Account, Region);

        Assert.Equal("listed in in-use.txt line 2", Assert.Single(sut.Uses).UsedBy);
        Assert.Equal("in-use.txt", sut.Path);
    }

    [Fact]
    public void Read_OfAMissingFile_SaysWhereItLooked_AndWhatToPass()
    {
        var path = Path.Combine(_folder.FullName, "missing.txt");

        var error = Assert.Throws<OptionsException>(() => InUseFile.Read("missing.txt", path));

        Assert.Equal(
            $"--in-use-file=missing.txt cannot be read (there is no such file: {path}): pass the path of a file that lists the images in use, one a line "
            + "(a relative path is taken from the folder the command runs in).",
            error.Message);
    }

    [Fact]
    public void Read_OfAFolder_IsAnError()
    {
        var error = Assert.Throws<OptionsException>(() => InUseFile.Read("eks", _folder.FullName));

        Assert.StartsWith("--in-use-file=eks cannot be read (it is a folder): pass the path of a file", error.Message, StringComparison.Ordinal);
    }
}
