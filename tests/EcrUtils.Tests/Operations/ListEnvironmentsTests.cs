using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Planning;
using EcrUtils.Results;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.Operations;

/// <summary>ListEnvironments finds the environments by the deleting tasks' rule, and what each would reclaim is what DeleteAllImages plans.</summary>
public sealed class ListEnvironmentsTests : IDisposable
{
    private static readonly DateTimeOffset s_now = OperationFixture.At(0).AddDays(100);
    private readonly OperationFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Reclaimable_OfEveryEnvironment_IsWhatDeleteAllImagesPreviewPlans()
    {
        Seed();

        var listing = await ListAsync("--all-repositories", "--in-use-check=off");

        Assert.Equal(["automation-3f2a9c1d", "automation-master", "automation-x"], listing.Environments.Select(e => e.Name));
        foreach (var environment in listing.Environments)
        {
            var options = OperationFixture.Options($"--environment={environment.Name}", "--all-repositories", "--in-use-check=off", "--preview");
            var preview = new RunResult(EcrTask.DeleteAllImages, options, _fixture.Time);
            await new DeleteImagesOperation(_fixture.Ecr.CreateClient(), preview).RunAsync(options, EcrTask.DeleteAllImages, CancellationToken.None);

            Assert.Equal((preview.ImagesDeleted, preview.BytesReclaimed), (environment.ReclaimableImages, environment.ReclaimableBytes));
        }

        var master = listing.Environments.Single(e => e.Name == "automation-master");
        // Two builds, an index with its child and a signature in api, one build in web; one build shared with the branch.
        Assert.Equal(["api", "web"], master.Repositories);
        Assert.Equal((4, 1), (master.Images, master.SharedImages));
        Assert.Equal(5, master.ReclaimableImages);
        // The untagged child and the signature are no environment's; "latest" alone neither.
        Assert.Equal(3, listing.ImagesWithoutEnvironment);
    }

    [Fact]
    public async Task Stale_IsNeitherPushedNorPulledWithinTheDuration_NorInUse_NorProtected()
    {
        _fixture.Ecr.AddRepository("api");
        _fixture.Push("api", 1, "automation-old-1");
        _fixture.Push("api", 2, "automation-pulled-1");
        _fixture.Ecr.SetLastRecordedPullTime("api", FakeEcr.Digest("api/automation-pulled-1"), s_now.AddDays(-2));
        _fixture.Push("api", 3, "automation-kept-1", "v1");
        var listing = await ListAsync("--repository=api", "--in-use-check=off", "--stale-after=30d", "--protect-tag=^v1$");

        Assert.Equal(
            [("automation-kept", false), ("automation-old", true), ("automation-pulled", false)],
            listing.Environments.Select(e => (e.Name, e.Stale)));
        Assert.True(listing.Environments.Single(e => e.Name == "automation-kept").Protected);
        // Without --stale-after nothing is stale.
        Assert.All((await ListAsync("--repository=api", "--in-use-check=off")).Environments, e => Assert.False(e.Stale));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public async Task Stale_MeansLongerAgoThanTheDuration(int minutesBeyond, bool stale)
    {
        _fixture.Ecr.AddRepository("api");
        _fixture.Ecr.AddImage("api", FakeEcr.Digest("edge"), ["automation-edge-1"], s_now.AddDays(-30).AddMinutes(-minutesBeyond));

        var listing = await ListAsync("--repository=api", "--in-use-check=off", "--stale-after=30d");

        Assert.Equal(stale, Assert.Single(listing.Environments).Stale);
    }

    [Fact]
    public async Task EnvironmentPattern_KeepsOnlyTheEnvironmentsWhoseWholeNameMatches_AndNothingIsChanged()
    {
        Seed();

        var listing = await ListAsync("--all-repositories", "--in-use-check=off", "--environment-pattern=automation-[0-9a-f]{8}");

        Assert.Equal(["automation-3f2a9c1d"], listing.Environments.Select(e => e.Name));
        Assert.Equal(0, _fixture.Ecr.CallCount("BatchDeleteImage") + _fixture.Ecr.CallCount("UpdateImageStorageClass"));
    }

    private void Seed()
    {
        _fixture.Ecr.AddRepository("api");
        _fixture.Ecr.AddRepository("web");
        _fixture.Push("api", 1, "automation-master-1");
        var index = _fixture.Ecr.AddIndex("api", "index", ["automation-master-2"], OperationFixture.At(2), [FakeEcr.Digest("api-amd64")]);
        _fixture.PushSeeded("api", "sig", 2, CompanionTags.For(index, "sig"));
        _fixture.Push("api", 3, "automation-master-3", "automation-3f2a9c1d-1");
        _fixture.Push("api", 4, "automation-x-1");
        _fixture.Push("web", 1, "automation-master-1");
        _fixture.Push("web", 2, "latest");
    }

    private async Task<EnvironmentListing> ListAsync(params string[] arguments)
    {
        var options = OperationFixture.Options(arguments);
        var run = new RunResult(EcrTask.ListEnvironments, options, _fixture.Time);
        return await new ListEnvironmentsOperation(_fixture.Ecr.CreateClient(), run, timeProvider: new FixedTime(s_now)).RunAsync(options, CancellationToken.None);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
