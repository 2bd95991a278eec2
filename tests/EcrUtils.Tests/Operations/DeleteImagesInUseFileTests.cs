using System.Text.Json;
using EcrUtils.InUse;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Planning;
using EcrUtils.Reporting;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.Operations;

/// <summary>The images of the in-use file, kept through the deleting operation, as the in-use check keeps its own.</summary>
public sealed class DeleteImagesInUseFileTests : IDisposable
{
    private const string Host = $"{FakeEcr.AccountId}.dkr.ecr.{FakeEcr.Region}.amazonaws.com";
    private readonly OperationFixture _fixture = new();

    public DeleteImagesInUseFileTests()
    {
        _fixture.Ecr.AddRepository("api");
        for (var i = 1; i <= 5; i++)
        {
            _fixture.Push("api", i, $"automation-master-{i}");
        }
    }

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task CheckOff_KeepsAnImageTheFileLists_WithItsLineAsTheReason()
    {
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--in-use-check=off");
        var collector = FakeInUseCollector.Using(("api:automation-master-3", "prod/api"));
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);

        await Run(report, collector, "# EKS, from kubectl", "api:automation-master-2").RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        Assert.Equal(["automation-master-2", "automation-master-4", "automation-master-5"], _fixture.Tags("api"));
        Assert.Equal(0, collector.Calls);
        var kept = Decision("automation-master-2");
        Assert.Equal((ImageAction.Keep, "listed in in-use.txt line 2"), (kept.Action, kept.Reason));
        Assert.Equal(["listed in in-use.txt line 2"], kept.InUseBy);
        var check = InUseCheckOf(report);
        Assert.Equal("off", check.GetProperty("status").GetString());
        Assert.Equal(
            """{"path":"in-use.txt","references":1,"ignoredOtherRegistries":0,"firstOtherRegistry":null}""",
            check.GetProperty("inUseFile").GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteAll_KeepsTheImagesTheFileLists_ByDigestAndByUri()
    {
        var pinned = _fixture.Ecr.Images("api").Single(i => i.Tags.Contains("automation-master-4")).Digest;
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--confirm=automation-master", "--in-use-check=off");

        await Run(_fixture.Report(EcrTask.DeleteAllImages, options), null, $"api@{pinned}", $"{Host}/api:automation-master-1")
            .RunAsync(options, EcrTask.DeleteAllImages, CancellationToken.None);

        Assert.Equal(["automation-master-1", "automation-master-4"], _fixture.Tags("api"));
        Assert.Equal("listed in in-use.txt line 1", Decision("automation-master-4").Reason);
        Assert.Equal("listed in in-use.txt line 2", Decision("automation-master-1").Reason);
    }

    [Fact]
    public async Task ATagInTheFile_KeepsTheImageThatHoldsItNow()
    {
        _fixture.Ecr.AddRepository("web");
        _fixture.Push("web", 1, "automation-master-1");
        _fixture.Push("web", 2, "automation-master-2", "stable");
        _fixture.Push("web", 3, "automation-master-3");
        _fixture.Push("web", 4, "automation-master-4");
        var options = OperationFixture.Options("--environment=automation-master", "--repository=web", "--keep=1", "--in-use-check=off");

        await Run(_fixture.Report(EcrTask.DeleteOldestImages, options), null, "web:stable", "web:gone")
            .RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        Assert.Equal(["automation-master-2", "automation-master-4", "stable"], _fixture.Tags("web"));
    }

    [Fact]
    public async Task WithTheCheckOn_BothKeep_AndTheReasonNamesTheWorkloadAndTheLine()
    {
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api");
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);
        var collector = FakeInUseCollector.Using(("api:automation-master-1", "prod/api"));

        await Run(report, collector, "api:automation-master-1", "api:automation-master-2").RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        Assert.Equal(["automation-master-1", "automation-master-2", "automation-master-4", "automation-master-5"], _fixture.Tags("api"));
        Assert.Equal("in use by prod/api; listed in in-use.txt line 1", Decision("automation-master-1").Reason);
        Assert.Equal(["listed in in-use.txt line 1", "prod/api"], Decision("automation-master-1").InUseBy);
        Assert.Equal("listed in in-use.txt line 2", Decision("automation-master-2").Reason);
        var summary = MarkdownSummary.Render(report.Run);
        Assert.Contains("**2** images in use, all kept", summary, StringComparison.Ordinal);
        Assert.Contains("In-use file in-use.txt: 2 references to this registry; **2** images listed, all kept.", summary, StringComparison.Ordinal);
        Assert.Contains("`automation-master-1`: in use by prod/api; listed in in-use.txt line 1", summary, StringComparison.Ordinal);
        Assert.Equal("done", InUseCheckOf(report).GetProperty("status").GetString());
    }

    [Fact]
    public async Task LinesOfOtherRegistries_AreIgnored_AndSaidSoOnce()
    {
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--in-use-check=off", "--preview");
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);
        string[] lines =
        [
            "docker.io/library/nginx:1.27",
            "api:automation-master-2",
            $"210987654321.dkr.ecr.{FakeEcr.Region}.amazonaws.com/api:automation-master-1",
            $"{FakeEcr.AccountId}.dkr.ecr.eu-west-1.amazonaws.com/api:automation-master-3",
        ];

        await Run(report, null, lines).RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        Assert.Equal(
            (ImageAction.Remove, ImageAction.Keep, ImageAction.Remove),
            (Decision("automation-master-1").Action, Decision("automation-master-2").Action, Decision("automation-master-3").Action));
        var file = InUseCheckOf(report).GetProperty("inUseFile");
        Assert.Equal((1, 3, "docker.io"), (file.GetProperty("references").GetInt32(), file.GetProperty("ignoredOtherRegistries").GetInt32(), file.GetProperty("firstOtherRegistry").GetString()));
        var summary = MarkdownSummary.Render(report.Run);
        const string Ignored = "Ignored 3 lines of in-use.txt that name images of other registries (the first: docker.io).";
        Assert.Equal(summary.IndexOf(Ignored, StringComparison.Ordinal), summary.LastIndexOf(Ignored, StringComparison.Ordinal));
        Assert.Contains(Ignored, summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AListedChild_KeepsItsIndex_AndAListedIndexItsChildren()
    {
        _fixture.Ecr.AddRepository("web");
        var (child, sibling) = (FakeEcr.Digest("web/child"), FakeEcr.Digest("web/sibling"));
        var first = _fixture.Ecr.AddIndex("web", "first", ["automation-master-1"], OperationFixture.At(1), [child, sibling]);
        var other = FakeEcr.Digest("web/other-child");
        _fixture.Ecr.AddIndex("web", "second", ["automation-master-2"], OperationFixture.At(2), [other]);
        _fixture.Push("web", 3, "automation-master-3");
        _fixture.Push("web", 4, "automation-master-4");
        var options = OperationFixture.Options("--environment=automation-master", "--repository=web", "--keep=1", "--in-use-check=off");

        await Run(_fixture.Report(EcrTask.DeleteOldestImages, options), null, $"web@{child}", "web:automation-master-2")
            .RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        var digests = _fixture.Ecr.Images("web").Select(i => i.Digest).ToList();
        Assert.All(new[] { first, child, sibling, other }, digest => Assert.Contains(digest, digests));
        Assert.Equal(["automation-master-1", "automation-master-2", "automation-master-4"], _fixture.Tags("web"));
        var index = _fixture.Results.Single().Plan!.Decisions.Single(d => d.Image.Digest == first);
        Assert.Equal($"lists {child[..19]}, listed in in-use.txt line 1", index.Reason);
    }

    [Fact]
    public async Task WithoutAFile_TheReportSaysNothingOfOne()
    {
        var options = OperationFixture.Options("--environment=automation-master", "--repository=api", "--preview");
        var report = _fixture.Report(EcrTask.DeleteOldestImages, options);

        await new DeleteImagesOperation(_fixture.Ecr.CreateClient(), report, FakeInUseCollector.Using()).RunAsync(options, EcrTask.DeleteOldestImages, CancellationToken.None);

        Assert.False(InUseCheckOf(report).TryGetProperty("inUseFile", out _));
        Assert.DoesNotContain("In-use file", MarkdownSummary.Render(report.Run), StringComparison.Ordinal);
    }

    private DeleteImagesOperation Run(RecordedRun report, IInUseCollector? collector, params string[] lines) =>
        new(_fixture.Ecr.CreateClient(), report, collector, InUseFile.Parse("in-use.txt", lines));

    private ImageDecision Decision(string tag) =>
        _fixture.Results.Single().Plan!.Decisions.Single(d => d.Image.Tags.Contains(tag));

    private static JsonElement InUseCheckOf(RecordedRun report) =>
        JsonDocument.Parse(File.ReadAllText(report.Path)).RootElement.GetProperty("inUseCheck").Clone();
}
