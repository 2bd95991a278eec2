using System.Net;
using EcrUtils.Aws;
using EcrUtils.Ecr;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.Ecr;

public sealed class EcrClientDescribeImagesTests
{
    private static readonly DateTimeOffset s_pushedAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeEcr _ecr = new();

    public EcrClientDescribeImagesTests() => _ecr.AddRepository("team/api");

    [Fact]
    public async Task DescribeImages_ReadsEveryImageInThreePages_WhenRepositoryHas2500()
    {
        for (var i = 0; i < 2500; i++)
        {
            _ecr.AddImage("team/api", FakeEcr.Digest($"image-{i}"), [$"dev-{i}"], s_pushedAt.AddMinutes(i));
        }

        var sut = _ecr.CreateClient();

        var pages = await ReadPagesAsync(sut);

        Assert.Equal([1000, 1000, 500], pages.Select(p => p.Count));
        Assert.Equal(2500, pages.SelectMany(p => p).Select(i => i.Digest).Distinct().Count());
        Assert.Equal(3, _ecr.CallCount(EcrOperation.DescribeImages));
        Assert.All(_ecr.Calls, c => Assert.Equal(1000, (int)c.Body["maxResults"]!));
        Assert.Empty(_ecr.Violations);
    }

    [Fact]
    public async Task DescribeImages_MapsEveryField_WithFractionalPushTime()
    {
        var pushedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_123).AddTicks(4567);
        _ecr.AddImage("team/api", FakeEcr.Digest("a"), ["dev-1", "prod-1"], pushedAt, 123_456_789, FakeEcr.OciIndexMediaType,
            artifactMediaType: "application/vnd.docker.container.image.v1+json");
        var sut = _ecr.CreateClient();

        var image = Assert.Single((await ReadPagesAsync(sut)).SelectMany(p => p));

        Assert.Equal(FakeEcr.Digest("a"), image.Digest);
        Assert.Equal(["dev-1", "prod-1"], image.Tags);
        Assert.Equal(pushedAt, image.PushedAt);
        Assert.Equal(123_456_789, image.SizeInBytes);
        Assert.Equal(FakeEcr.OciIndexMediaType, image.ManifestMediaType);
        Assert.Equal("application/vnd.docker.container.image.v1+json", image.ArtifactMediaType);
        Assert.True(image.IsActive);
    }

    [Theory]
    [InlineData("1767225600.5", 1_767_225_600_500)]
    [InlineData("1.7672256005E9", 1_767_225_600_500)]
    [InlineData("1767225600", 1_767_225_600_000)]
    public async Task DescribeImages_ParsesPushTime_InEveryNumberForm(string json, long expectedUnixMilliseconds)
    {
        _ecr.Faults.Enqueue(EcrOperation.DescribeImages, FakeEcrFault.Raw(
            HttpStatusCode.OK,
            "application/x-amz-json-1.1",
            $$"""{"imageDetails":[{"imageDigest":"sha256:ab","imagePushedAt":{{json}},"imageSizeInBytes":1}]}"""));
        var sut = _ecr.CreateClient();

        var image = Assert.Single((await ReadPagesAsync(sut)).SelectMany(p => p));

        Assert.Equal(expectedUnixMilliseconds, image.PushedAt.ToUnixTimeMilliseconds());
        Assert.Empty(image.Tags);
        Assert.Equal(EcrImage.ActiveStatus, image.Status);
    }

    [Fact]
    public async Task DescribeImages_ReportsArchivedImages_WithTheirStatus()
    {
        _ecr.AddImage("team/api", FakeEcr.Digest("active"), ["dev-2"], s_pushedAt);
        _ecr.AddImage("team/api", FakeEcr.Digest("archived"), ["dev-1"], s_pushedAt, status: "ARCHIVED");
        var sut = _ecr.CreateClient();

        var images = (await ReadPagesAsync(sut)).SelectMany(p => p).ToList();

        Assert.Equal(2, images.Count);
        Assert.False(images.Single(i => i.Digest == FakeEcr.Digest("archived")).IsActive);
    }

    [Fact]
    public async Task DescribeImages_ReadsPullAndArchiveTimes()
    {
        var pulled = s_pushedAt.AddDays(3).AddMilliseconds(250);
        var archived = s_pushedAt.AddDays(5);
        _ecr.AddImage("team/api", FakeEcr.Digest("pulled"), ["dev-2"], s_pushedAt, lastRecordedPullTime: pulled);
        _ecr.AddImage("team/api", FakeEcr.Digest("archived"), ["dev-1"], s_pushedAt, status: "ARCHIVED", lastArchivedAt: archived);
        var sut = _ecr.CreateClient();

        var images = (await ReadPagesAsync(sut)).SelectMany(p => p).ToDictionary(i => i.Digest);

        Assert.Equal((pulled, null), (images[FakeEcr.Digest("pulled")].LastRecordedPullTime, images[FakeEcr.Digest("pulled")].LastArchivedAt));
        Assert.Equal((null, archived), (images[FakeEcr.Digest("archived")].LastRecordedPullTime, images[FakeEcr.Digest("archived")].LastArchivedAt));
    }

    [Fact]
    public async Task DescribeImagesById_AnswersThoseImages_WhateverTheirStatus_AndLeavesOutAMissingOne()
    {
        _ecr.AddImage("team/api", FakeEcr.Digest("active"), ["dev-2"], s_pushedAt);
        _ecr.AddImage("team/api", FakeEcr.Digest("archived"), ["dev-1"], s_pushedAt, status: "ARCHIVED");
        var sut = _ecr.CreateClient();

        var images = await sut.DescribeImagesAsync(
            null, "team/api", [ImageId.ForDigest(FakeEcr.Digest("archived")), ImageId.ForDigest(FakeEcr.Digest("gone")), ImageId.ForTag("dev-2")], CancellationToken.None);

        Assert.Equal(new[] { FakeEcr.Digest("active"), FakeEcr.Digest("archived") }.Order(), images.Select(i => i.Digest).Order());
    }

    [Fact]
    public async Task DescribeImages_Throws_WhenAnImageHasNoPushTime()
    {
        _ecr.Faults.Enqueue(EcrOperation.DescribeImages, FakeEcrFault.Raw(
            HttpStatusCode.OK, "application/x-amz-json-1.1", """{"imageDetails":[{"imageDigest":"sha256:ab","imageTags":["dev-1"]}]}"""));
        var sut = _ecr.CreateClient();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ReadPagesAsync(sut));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains("imagePushedAt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeImages_Throws_WhenRepositoryDoesNotExist()
    {
        var sut = _ecr.CreateClient();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ReadPagesAsync(sut, "team/missing"));

        Assert.Equal("RepositoryNotFoundException", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(EcrOperation.DescribeImages, error.Operation);
        Assert.Contains("team/missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeImages_Throws_WhenNextTokenNeverChanges()
    {
        const string Page = """{"imageDetails":[],"nextToken":"same"}""";
        _ecr.Faults.When = _ => FakeEcrFault.Raw(HttpStatusCode.OK, "application/x-amz-json-1.1", Page);
        var sut = _ecr.CreateClient();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ReadPagesAsync(sut));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Equal(2, _ecr.CallCount(EcrOperation.DescribeImages));
    }

    [Fact]
    public async Task DescribeImages_AsksForTheNextPage_WhileTheReaderHasTheCurrentOne()
    {
        AddImages(2500);
        var secondPageAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ecr.BeforeCall = call =>
        {
            if (call.Body["nextToken"] is not null)
            {
                secondPageAsked.TrySetResult();
            }

            return ValueTask.CompletedTask;
        };
        var sut = _ecr.CreateClient();
        List<int> pages = [];

        await foreach (var page in sut.DescribeImagesAsync(null, "team/api", CancellationToken.None))
        {
            // Without the request for the next page already on its way, this would wait in vain.
            await secondPageAsked.Task.WaitAsync(TimeSpan.FromSeconds(30));
            pages.Add(page.Count);
        }

        Assert.Equal([1000, 1000, 500], pages);
        Assert.Equal(3, _ecr.CallCount(EcrOperation.DescribeImages));
    }

    [Fact]
    public async Task DescribeImages_CancelsTheNextPage_WhenTheReaderStopsAfterTheFirst()
    {
        AddImages(2500);
        var sut = _ecr.CreateClient();
        var read = 0;

        await foreach (var page in sut.DescribeImagesAsync(null, "team/api", CancellationToken.None))
        {
            read += page.Count;
            break;
        }

        Assert.Equal(1000, read);
        Assert.InRange(_ecr.CallCount(EcrOperation.DescribeImages), 1, 2);
        Assert.Empty(_ecr.Violations);
    }

    [Fact]
    public async Task DescribeImages_ThrowsTheNextPagesError_AfterHandingOverThePagesBeforeIt()
    {
        AddImages(2500);
        _ecr.Faults.When = call => call.Body["nextToken"] is not null
            ? FakeEcrFault.Error(HttpStatusCode.BadRequest, "AccessDeniedException", "not allowed")
            : null;
        var sut = _ecr.CreateClient();
        List<int> pages = [];

        var error = await Assert.ThrowsAsync<AwsServiceException>(async () =>
        {
            await foreach (var page in sut.DescribeImagesAsync(null, "team/api", CancellationToken.None))
            {
                pages.Add(page.Count);
            }
        });

        Assert.Equal([1000], pages);
        Assert.Equal("AccessDeniedException", error.ErrorCode);
    }

    [Fact]
    public async Task DescribeImages_KeepsOneCopyOfEachMediaType_AcrossPages()
    {
        AddImages(1500);
        var sut = _ecr.CreateClient();

        var images = (await ReadPagesAsync(sut)).SelectMany(p => p).ToList();

        Assert.Equal(1500, images.Count);
        Assert.NotNull(images[0].ManifestMediaType);
        Assert.All(images, image => Assert.Same(images[0].ManifestMediaType, image.ManifestMediaType));
        Assert.All(images, image => Assert.Same(images[0].Status, image.Status));
    }

    private void AddImages(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _ecr.AddImage("team/api", FakeEcr.Digest($"image-{i}"), [$"dev-{i}"], s_pushedAt.AddMinutes(i));
        }
    }

    private static async Task<List<IReadOnlyList<EcrImage>>> ReadPagesAsync(IEcrClient sut, string repository = "team/api")
    {
        List<IReadOnlyList<EcrImage>> pages = [];
        await foreach (var page in sut.DescribeImagesAsync(null, repository, CancellationToken.None))
        {
            pages.Add(page);
        }

        return pages;
    }
}
