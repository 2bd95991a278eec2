namespace EcrUtils.IntegrationTests;

[Collection(MotoCollectionDefinition.Name)]
public sealed class MotoRegistryTests(MotoServer server) : MotoTest(server)
{
    private static readonly DateTimeOffset s_t0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Seed_RoundTripsPushTimesTagsAndSizes_ThroughState()
    {
        var sut = Registry;
        var newest = TestManifests.Image(sizeInBytes: 3_000);
        var oldest = TestManifests.Image(sizeInBytes: 1_000);
        var middle = TestManifests.Image(sizeInBytes: 2_000, mediaType: MediaTypes.DockerManifest);
        var seed = new MotoSeed
        {
            Repositories = [new SeedRepository("api", new Dictionary<string, string> { ["Project"] = "shop" })],
            // Pushed in an order that differs from their push times, in the same wall-clock second.
            Images =
            [
                new SeedImage("api", newest, ["dev-3"], s_t0.AddSeconds(2.25)),
                new SeedImage("api", oldest, ["dev-1"], s_t0),
                new SeedImage("api", middle, ["dev-2", "other-7"], s_t0.AddSeconds(1)),
            ],
        };

        var digests = await sut.SeedAsync(seed);
        var state = await sut.GetStateAsync();

        var repository = state.Repository("api");
        Assert.Equal([newest.Digest, oldest.Digest, middle.Digest], digests);
        Assert.Equal(new Dictionary<string, string> { ["Project"] = "shop" }, repository.Tags);
        Assert.Equal(
            [
                new ImageState(oldest.Digest, ["dev-1"], s_t0, MediaTypes.OciManifest, 1_000),
                new ImageState(middle.Digest, ["dev-2", "other-7"], s_t0.AddSeconds(1), MediaTypes.DockerManifest, 2_000),
                new ImageState(newest.Digest, ["dev-3"], s_t0.AddSeconds(2.25), MediaTypes.OciManifest, 3_000),
            ],
            repository.Images,
            ImageStateComparer.Instance);
    }

    [Fact]
    public async Task Seed_PushTimes_AreWhatEcrDescribeImagesAnswers()
    {
        var sut = Registry;
        await sut.CreateRepositoryAsync("api");
        var digest = await sut.PushImageAsync("api", ["dev-1"], s_t0.AddMilliseconds(1_500));

        var result = await BotoEcr.CallAsync(
            Server, Server.AccessKeyId, Server.SecretAccessKey, "DescribeImages", new { repositoryName = "api" });

        Assert.True(result.Ok, $"DescribeImages failed: {result.Code}");
        var detail = Assert.Single(result.Response!.Value.GetProperty("imageDetails").EnumerateArray());
        Assert.Equal(digest, detail.GetProperty("imageDigest").GetString());
        Assert.Equal(s_t0.AddMilliseconds(1_500), DateTimeOffset.Parse(detail.GetProperty("imagePushedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Push_AddsTagAndKeepsPushTime_WhenSameManifestIsPushedAgain()
    {
        var sut = Registry;
        await sut.CreateRepositoryAsync("api");
        var manifest = TestManifests.Image();

        var first = await sut.PushAsync("api", manifest, ["dev-1"], s_t0);
        var second = await sut.PushAsync("api", manifest, ["dev-latest"]);

        var image = Assert.Single((await sut.GetStateAsync()).Repository("api").Images);
        Assert.Equal(manifest.Digest, first);
        Assert.Equal(first, second);
        Assert.Equal(manifest, image.Manifest);
        Assert.Equal(["dev-1", "dev-latest"], image.Tags);
        Assert.Equal(s_t0, image.PushedAt);
    }

    [Fact]
    public async Task Push_MovesTag_WhenAnotherManifestIsPushedUnderIt()
    {
        var sut = Registry;
        await sut.CreateRepositoryAsync("api");
        var old = await sut.PushImageAsync("api", ["dev-1", "dev-latest"], s_t0);

        var @new = await sut.PushImageAsync("api", ["dev-2", "dev-latest"], s_t0.AddMinutes(1));

        var repository = (await sut.GetStateAsync()).Repository("api");
        Assert.Equal(["dev-1"], repository.ImageByDigest(old)!.Tags);
        Assert.Equal(["dev-2", "dev-latest"], repository.ImageByDigest(@new)!.Tags);
    }

    [Fact]
    public async Task PushIndex_StoresIndexTagged_AndChildrenUntagged()
    {
        var sut = Registry;
        await sut.CreateRepositoryAsync("api");

        var pushed = await sut.PushIndexAsync(
            "api", ["dev-1"], s_t0, ["linux/amd64", "linux/arm64"], MediaTypes.DockerManifestList);

        var repository = (await sut.GetStateAsync()).Repository("api");
        Assert.Equal(3, repository.Images.Count);
        var index = repository.ImageByDigest(pushed.Digest)!;
        Assert.Equal(["dev-1"], index.Tags);
        Assert.Equal(MediaTypes.DockerManifestList, index.MediaType);
        Assert.Null(index.SizeInBytes);
        Assert.All(pushed.ChildDigests, digest =>
        {
            var child = repository.ImageByDigest(digest)!;
            Assert.Empty(child.Tags);
            Assert.Equal(MediaTypes.DockerManifest, child.MediaType);
            Assert.Contains(digest, pushed.Index.Json, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task BatchDeleteImage_ByDigest_ListsEachDeletedImage_AsEcrDoes()
    {
        var sut = Registry;
        await sut.CreateRepositoryAsync("api");
        var pushed = await sut.PushIndexAsync("api", ["dev-1"], s_t0, ["linux/amd64"], MediaTypes.DockerManifestList);
        var tagged = await sut.PushImageAsync("api", ["dev-2"], s_t0);
        var missing = "sha256:" + new string('0', 64);

        var result = await BotoEcr.CallAsync(
            Server,
            Server.AccessKeyId,
            Server.SecretAccessKey,
            "BatchDeleteImage",
            new { repositoryName = "api", imageIds = new object[] { new { imageDigest = pushed.ChildDigests[0] }, new { imageDigest = tagged }, new { imageDigest = missing } } });

        Assert.True(result.Ok, $"BatchDeleteImage failed: {result.Code}");
        var deleted = result.Response!.Value.GetProperty("imageIds").EnumerateArray()
            .Select(i => (i.GetProperty("imageDigest").GetString(), i.TryGetProperty("imageTag", out var tag) ? tag.GetString() : null))
            .ToList();
        Assert.Equal([(pushed.ChildDigests[0], null), (tagged, "dev-2")], deleted.OrderBy(d => d.Item2 is null ? 0 : 1));
        var failure = Assert.Single(result.Response!.Value.GetProperty("failures").EnumerateArray());
        Assert.Equal(("ImageNotFound", missing), (failure.GetProperty("failureCode").GetString(), failure.GetProperty("imageId").GetProperty("imageDigest").GetString()));
        Assert.Equal([pushed.Digest], (await sut.GetStateAsync()).Repository("api").Images.Select(i => i.Digest));
    }

    [Fact]
    public async Task PushIndex_SharesChildren_WithAnotherIndex()
    {
        var sut = Registry;
        await sut.CreateRepositoryAsync("api");
        var first = await sut.PushIndexAsync("api", ["dev-1"], s_t0);

        var second = await sut.PushIndexAsync("api", ["dev-2"], s_t0.AddMinutes(1), first.Children);

        var repository = (await sut.GetStateAsync()).Repository("api");
        Assert.NotEqual(first.Digest, second.Digest);
        Assert.Equal(4, repository.Images.Count);
        Assert.All(first.ChildDigests, digest => Assert.Equal(s_t0, repository.ImageByDigest(digest)!.PushedAt));
    }

    [Fact]
    public async Task SetPushedAt_ReordersImages()
    {
        var sut = Registry;
        await sut.CreateRepositoryAsync("api");
        var first = await sut.PushImageAsync("api", ["dev-1"], s_t0);
        var second = await sut.PushImageAsync("api", ["dev-2"], s_t0.AddHours(1));

        await sut.SetPushedAtAsync("api", first, s_t0.AddHours(2));

        var images = (await sut.GetStateAsync()).Repository("api").Images;
        Assert.Equal([second, first], images.Select(image => image.Digest));
        Assert.Equal(s_t0.AddHours(2), images[1].PushedAt);
    }

    [Fact]
    public async Task Seed_ThousandsOfImages_TakesOneRequest()
    {
        var sut = Registry;
        var seed = new MotoSeed
        {
            Repositories = [new SeedRepository("api")],
            Images = [.. Enumerable.Range(1, 2_000).Select(i => new SeedImage("api", TestManifests.Image(), [$"dev-{i}"], s_t0.AddSeconds(i)))],
        };

        await sut.SeedAsync(seed);

        var images = (await sut.GetStateAsync()).Repository("api").Images;
        Assert.Equal(2_000, images.Count);
        Assert.Equal(["dev-2000"], images[^1].Tags);
        Assert.Equal(s_t0.AddSeconds(2_000), images[^1].PushedAt);
    }

    [Fact]
    public async Task Seed_FailsWithReason_WhenRepositoryIsMissing()
    {
        var sut = Registry;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => sut.PushImageAsync("missing", ["dev-1"], s_t0));

        Assert.Contains("repository 'missing' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_EmptiesTheRegistry()
    {
        var sut = Server;
        await Registry.CreateRepositoryAsync("api");
        await Registry.PushImageAsync("api", ["dev-1"], s_t0);

        await sut.ResetAsync();

        Assert.Empty((await Registry.GetStateAsync()).Repositories);
    }

    [Fact]
    public async Task Registry_KeepsRegionsApart()
    {
        var sut = new MotoRegistry(Server, region: "eu-west-1");
        await sut.CreateRepositoryAsync("api");

        var elsewhere = await sut.GetStateAsync();
        var home = await Registry.GetStateAsync();

        Assert.Equal("123456789012.dkr.ecr.eu-west-1.amazonaws.com/api", elsewhere.Repository("api").Uri);
        Assert.Empty(home.Repositories);
    }
}
