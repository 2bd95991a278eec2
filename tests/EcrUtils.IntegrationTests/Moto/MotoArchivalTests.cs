using System.Globalization;
using System.Text.Json;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// The launcher's emulation of ECR image archival, seen through boto3 so that the shapes are botocore's:
/// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_UpdateImageStorageClass.html
/// </summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed class MotoArchivalTests(MotoServer server) : MotoTest(server)
{
    private const string Repository = "api";
    private static readonly DateTimeOffset s_t0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Registry.CreateRepositoryAsync(Repository);
    }

    [Fact]
    public async Task Archive_HidesTheImageWithoutFilter_AndArchivedOrAnyFilterShowsItWithLastArchivedAt()
    {
        var archived = await Registry.PushImageAsync(Repository, ["dev-1"], s_t0);
        var active = await Registry.PushImageAsync(Repository, ["dev-2"], s_t0.AddMinutes(1));
        var before = await Registry.AdvanceArchivalClockAsync(TimeSpan.Zero);

        var result = await UpdateStorageClassAsync(new { imageDigest = archived }, "ARCHIVE");

        Assert.True(result.Ok, $"UpdateImageStorageClass failed: {result.Code}");
        var response = result.Response!.Value;
        Assert.Equal(
            (Server.AccountId, Repository, archived, ImageStatuses.Archived),
            (String(response, "registryId"), String(response, "repositoryName"), String(response.GetProperty("imageId"), "imageDigest"), String(response, "imageStatus")));
        Assert.Equal([active], Digests(await DescribeAsync(imageStatus: null)));
        Assert.Equal([active], Digests(await DescribeAsync(ImageStatuses.Active)));
        var detail = Assert.Single(await DescribeAsync(ImageStatuses.Archived));
        Assert.Equal((archived, ImageStatuses.Archived), (String(detail, "imageDigest"), String(detail, "imageStatus")));
        Assert.InRange(Time(detail, "lastArchivedAt")!.Value, before.AddSeconds(-1), before.AddMinutes(1));
        Assert.Null(Time(detail, "lastActivatedAt"));
        var any = await DescribeAsync("ANY");
        Assert.Equal(
            new[] { (archived, ImageStatuses.Archived), (active, ImageStatuses.Active) }.Order(),
            any.Select(d => (String(d, "imageDigest")!, String(d, "imageStatus")!)).Order());
    }

    [Fact]
    public async Task Restore_IsActivating_UntilTheActivationDelayHasPassed_ThenActiveWithLastActivatedAt()
    {
        await Registry.SetActivationDelayAsync(TimeSpan.FromMinutes(20));
        var digest = await Registry.PushImageAsync(Repository, ["dev-1"], s_t0, status: ImageStatuses.Archived);

        var result = await UpdateStorageClassAsync(new { imageTag = "dev-1" }, "STANDARD");

        Assert.True(result.Ok, $"UpdateImageStorageClass failed: {result.Code}");
        var imageId = result.Response!.Value.GetProperty("imageId");
        Assert.Equal((digest, "dev-1"), (String(imageId, "imageDigest"), String(imageId, "imageTag")));
        Assert.Equal(ImageStatuses.Activating, String(result.Response!.Value, "imageStatus"));
        Assert.Empty(await DescribeAsync(imageStatus: null));
        await Registry.AdvanceArchivalClockAsync(TimeSpan.FromMinutes(19));
        Assert.Equal([digest], Digests(await DescribeAsync(ImageStatuses.Activating)));

        var now = await Registry.AdvanceArchivalClockAsync(TimeSpan.FromMinutes(1));

        Assert.Empty(await DescribeAsync(ImageStatuses.Activating));
        var detail = Assert.Single(await DescribeAsync(imageStatus: null));
        Assert.Equal(ImageStatuses.Active, String(detail, "imageStatus"));
        var activatedAt = Time(detail, "lastActivatedAt")!.Value;
        Assert.InRange(activatedAt - Time(detail, "lastArchivedAt")!.Value, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(21));
        Assert.True(activatedAt <= now, $"The restore ended at {activatedAt:O}, after the clock's {now:O}.");
    }

    [Fact]
    public async Task Restore_EndsAtOnce_AfterResetSetTheActivationDelayBack()
    {
        await Registry.SetActivationDelayAsync(TimeSpan.FromMinutes(20));
        await Server.ResetAsync();
        await Registry.CreateRepositoryAsync(Repository);
        await Registry.PushImageAsync(Repository, ["dev-1"], s_t0, status: ImageStatuses.Archived);

        var result = await UpdateStorageClassAsync(new { imageTag = "dev-1" }, "STANDARD");

        Assert.Equal(ImageStatuses.Activating, String(result.Response!.Value, "imageStatus"));
        Assert.Equal(ImageStatuses.Active, String(Assert.Single(await DescribeAsync(imageStatus: null)), "imageStatus"));
    }

    [Theory]
    [InlineData(ImageStatuses.Archived, "ARCHIVE")]
    [InlineData(ImageStatuses.Activating, "ARCHIVE")]
    [InlineData(ImageStatuses.Active, "STANDARD")]
    [InlineData(ImageStatuses.Activating, "STANDARD")]
    public async Task UpdateImageStorageClass_IsNotSupported_ExceptToArchiveAnActiveImageOrRestoreAnArchivedOne(string status, string target)
    {
        await Registry.SetActivationDelayAsync(TimeSpan.FromMinutes(20));
        await Registry.PushImageAsync(Repository, ["dev-1"], s_t0, status: status);

        var result = await UpdateStorageClassAsync(new { imageTag = "dev-1" }, target);

        Assert.Equal(("ImageStorageClassUpdateNotSupportedException", 400), (result.Code, result.Status));
        Assert.Equal(status, Assert.Single((await Registry.GetStateAsync()).Repository(Repository).Images).Status);
    }

    [Theory]
    [InlineData(Repository, "dev-9", "ARCHIVE", "ImageNotFoundException")]
    [InlineData("web", "dev-1", "ARCHIVE", "RepositoryNotFoundException")]
    [InlineData(Repository, "dev-1", "GLACIER", "ValidationException")]
    [InlineData(Repository, null, "ARCHIVE", "InvalidParameterException")]
    public async Task UpdateImageStorageClass_AnswersTheDocumentedError(string repository, string? tag, string target, string code)
    {
        await Registry.PushImageAsync(Repository, ["dev-1"], s_t0);
        object imageId = tag is null ? new { } : new { imageTag = tag };

        var result = await CallAsync("UpdateImageStorageClass", new { repositoryName = repository, imageId, targetStorageClass = target });

        Assert.Equal((code, 400), (result.Code, result.Status));
        Assert.Equal(ImageStatuses.Active, Assert.Single((await Registry.GetStateAsync()).Repository(Repository).Images).Status);
    }

    [Fact]
    public async Task ListImages_ListsActiveImagesOnly_WithoutFilter_AndTheImagesOfTheStatusAsked()
    {
        var active = await Registry.PushImageAsync(Repository, ["dev-1"], s_t0);
        var archived = await Registry.PushImageAsync(Repository, ["dev-2", "dev-latest"], s_t0.AddMinutes(1), status: ImageStatuses.Archived);
        var untagged = await Registry.PushImageAsync(Repository, [], s_t0.AddMinutes(2), status: ImageStatuses.Archived);

        var unfiltered = await ListAsync(imageStatus: null);
        var archivedIds = await ListAsync(ImageStatuses.Archived);
        var anyIds = await ListAsync("ANY");

        Assert.Equal([(active, "dev-1")], unfiltered);
        Assert.Equal([(archived, "dev-2"), (archived, "dev-latest"), (untagged, null)], archivedIds.OrderBy(i => i.Tag is null).ThenBy(i => i.Tag, StringComparer.Ordinal));
        Assert.Equal(4, anyIds.Count);
    }

    [Fact]
    public async Task PullTime_SetThroughTheLauncher_IsLastRecordedPullTime()
    {
        var pulled = await Registry.PushImageAsync(Repository, ["dev-1"], s_t0);
        var neverPulled = await Registry.PushImageAsync(Repository, ["dev-2"], s_t0.AddMinutes(1));
        var pulledAt = s_t0.AddDays(3).AddMilliseconds(250);

        await Registry.SetLastRecordedPullTimeAsync(Repository, pulled, pulledAt);

        var details = (await DescribeAsync(imageStatus: null)).ToDictionary(d => String(d, "imageDigest")!);
        Assert.Equal(pulledAt, Time(details[pulled], "lastRecordedPullTime"));
        Assert.False(details[neverPulled].TryGetProperty("lastRecordedPullTime", out _), "An image never pulled has no lastRecordedPullTime.");
        var images = (await Registry.GetStateAsync()).Repository(Repository);
        Assert.Equal(pulledAt, images.ImageByDigest(pulled)!.LastRecordedPullTime);
        Assert.Null(images.ImageByDigest(neverPulled)!.LastRecordedPullTime);
    }

    [Fact]
    public async Task Seed_ArchivedImageWithPullTime_ReadsBackInTheRegistryState()
    {
        var manifest = TestManifests.Image(sizeInBytes: 2_000);
        var archivedAt = s_t0.AddDays(30);
        var pulledAt = s_t0.AddDays(2).AddMilliseconds(500);

        await Registry.SeedAsync(new MotoSeed
        {
            Images = [new SeedImage(Repository, manifest, ["dev-1"], s_t0, ImageStatuses.Archived, pulledAt, archivedAt)],
        });

        Assert.Equal(
            [new ImageState(manifest.Digest, ["dev-1"], s_t0, MediaTypes.OciManifest, 2_000, manifest, ImageStatuses.Archived, pulledAt, archivedAt)],
            (await Registry.GetStateAsync()).Repository(Repository).Images,
            ImageStateComparer.Instance);
    }

    [Fact]
    public async Task PutImage_OfAnArchivedImage_RestoresItAtOnce()
    {
        await Registry.SetActivationDelayAsync(TimeSpan.FromMinutes(20));
        var manifest = TestManifests.Image();
        await Registry.SeedAsync(new MotoSeed { Images = [new SeedImage(Repository, manifest, ["dev-1"], s_t0, ImageStatuses.Archived)] });

        var result = await CallAsync(
            "PutImage",
            new { repositoryName = Repository, imageManifest = manifest.Json, imageManifestMediaType = manifest.MediaType, imageTag = "dev-again", imageDigest = manifest.Digest });

        Assert.True(result.Ok, $"PutImage failed: {result.Code}");
        var image = Assert.Single((await Registry.GetStateAsync()).Repository(Repository).Images);
        Assert.Equal(ImageStatuses.Active, image.Status);
        Assert.Equal(["dev-1", "dev-again"], image.Tags);
        Assert.NotNull(image.LastActivatedAt);
    }

    [Fact]
    public async Task BatchDeleteImage_DeletesAnArchivedImage()
    {
        var archived = await Registry.PushImageAsync(Repository, ["dev-1"], s_t0, status: ImageStatuses.Archived);

        var result = await CallAsync("BatchDeleteImage", new { repositoryName = Repository, imageIds = new[] { new { imageDigest = archived } } });

        Assert.True(result.Ok, $"BatchDeleteImage failed: {result.Code}");
        var deleted = Assert.Single(result.Response!.Value.GetProperty("imageIds").EnumerateArray());
        Assert.Equal((archived, "dev-1"), (String(deleted, "imageDigest"), String(deleted, "imageTag")));
        Assert.Empty(result.Response!.Value.GetProperty("failures").EnumerateArray());
        Assert.Empty((await Registry.GetStateAsync()).Repository(Repository).Images);
    }

    private Task<BotoResult> CallAsync(string operation, object parameters) =>
        BotoEcr.CallAsync(Server, Server.AccessKeyId, Server.SecretAccessKey, operation, parameters);

    private Task<BotoResult> UpdateStorageClassAsync(object imageId, string target) =>
        CallAsync("UpdateImageStorageClass", new { repositoryName = Repository, imageId, targetStorageClass = target });

    private async Task<IReadOnlyList<JsonElement>> DescribeAsync(string? imageStatus)
    {
        var result = await CallAsync(
            "DescribeImages",
            imageStatus is null ? new { repositoryName = Repository } : new { repositoryName = Repository, filter = new { imageStatus } });
        Assert.True(result.Ok, $"DescribeImages failed: {result.Code}");
        return [.. result.Response!.Value.GetProperty("imageDetails").EnumerateArray()];
    }

    private async Task<IReadOnlyList<(string? Digest, string? Tag)>> ListAsync(string? imageStatus)
    {
        var result = await CallAsync(
            "ListImages",
            imageStatus is null ? new { repositoryName = Repository } : new { repositoryName = Repository, filter = new { imageStatus } });
        Assert.True(result.Ok, $"ListImages failed: {result.Code}");
        return
        [
            .. result.Response!.Value.GetProperty("imageIds").EnumerateArray()
                .Select(id => (String(id, "imageDigest"), String(id, "imageTag"))),
        ];
    }

    private static IEnumerable<string?> Digests(IEnumerable<JsonElement> details) => details.Select(d => String(d, "imageDigest"));

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;

    // ecr_call.py prints the datetimes botocore parsed as Python's str() of them, offset included.
    private static DateTimeOffset? Time(JsonElement element, string name) =>
        String(element, name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : null;
}
