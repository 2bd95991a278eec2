using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EcrUtils.Ecr;
using Microsoft.Extensions.Time.Testing;

namespace EcrUtils.Tests.Fakes;

/// <summary>
/// The fake's emulation of ECR image archival, called over its HTTP side with the documented JSON:
/// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_UpdateImageStorageClass.html
/// </summary>
public sealed class FakeRegistryArchivalTests : IDisposable
{
    private const string Repository = "api";
    private static readonly DateTimeOffset s_pushedAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] s_seeds = ["active", "untagged", "archived"];
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeEcr _ecr;
    private readonly HttpClient _http;

    public FakeRegistryArchivalTests()
    {
        _ecr = new FakeEcr(_clock);
        _ecr.AddRepository(Repository);
        _http = new HttpClient(new FakeEcrHandler(_ecr)) { BaseAddress = FakeEcr.Endpoint };
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task DescribeImages_AnswersActiveImagesOnly_WithoutFilter_AndArchivedOnesWithTheirTimes_WithAny()
    {
        var archivedAt = s_pushedAt.AddDays(40);
        var pulledAt = s_pushedAt.AddDays(2).AddMilliseconds(250);
        _ecr.AddImage(Repository, FakeEcr.Digest("active"), ["dev-2"], s_pushedAt);
        _ecr.AddImage(Repository, FakeEcr.Digest("archived"), ["dev-1"], s_pushedAt, status: FakeEcrImageStatus.Archived, lastRecordedPullTime: pulledAt, lastArchivedAt: archivedAt);

        var unfiltered = await DescribeAsync(imageStatus: null);
        var any = await DescribeAsync("ANY");

        Assert.Equal([FakeEcr.Digest("active")], unfiltered.Select(d => d["imageDigest"]!.GetValue<string>()));
        Assert.Equal(FakeEcrImageStatus.Active, unfiltered[0]["imageStatus"]!.GetValue<string>());
        Assert.False(unfiltered[0].ContainsKey("lastRecordedPullTime"), "An image never pulled has no lastRecordedPullTime.");
        var archived = any.Single(d => d["imageDigest"]!.GetValue<string>() == FakeEcr.Digest("archived"));
        Assert.Equal(FakeEcrImageStatus.Archived, archived["imageStatus"]!.GetValue<string>());
        Assert.Equal((archivedAt, pulledAt), (Time(archived, "lastArchivedAt"), Time(archived, "lastRecordedPullTime")));
        Assert.False(archived.ContainsKey("lastActivatedAt"));
    }

    [Fact]
    public async Task ListImages_ListsActiveImagesOnly_WithoutFilter_AndPagesByImageId()
    {
        _ecr.AddImage(Repository, FakeEcr.Digest("active"), ["dev-1", "dev-latest"], s_pushedAt);
        _ecr.AddImage(Repository, FakeEcr.Digest("untagged"), [], s_pushedAt);
        _ecr.AddImage(Repository, FakeEcr.Digest("archived"), ["dev-0"], s_pushedAt, status: FakeEcrImageStatus.Archived);

        var first = await CallAsync("ListImages", new JsonObject { ["repositoryName"] = Repository, ["maxResults"] = 2 });
        var second = await CallAsync("ListImages", new JsonObject { ["repositoryName"] = Repository, ["nextToken"] = first.Body["nextToken"]!.GetValue<string>() });
        var archived = await CallAsync("ListImages", new JsonObject { ["repositoryName"] = Repository, ["filter"] = new JsonObject { ["imageStatus"] = "ARCHIVED" } });

        Assert.Equal(["active dev-1", "active dev-latest"], Ids(first.Body));
        Assert.Equal(["untagged -"], Ids(second.Body));
        Assert.False(second.Body.ContainsKey("nextToken"));
        Assert.Equal(["archived dev-0"], Ids(archived.Body));
    }

    [Fact]
    public async Task Archive_MakesAnActiveImageArchived_AtTheClocksTime()
    {
        _ecr.AddImage(Repository, FakeEcr.Digest("image"), ["dev-1"], s_pushedAt);

        var answer = await UpdateStorageClassAsync(new JsonObject { ["imageTag"] = "dev-1" }, "ARCHIVE");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(
            """{"registryId":"123456789012","repositoryName":"api","imageId":{"imageDigest":"%DIGEST%","imageTag":"dev-1"},"imageStatus":"ARCHIVED"}""".Replace("%DIGEST%", FakeEcr.Digest("image"), StringComparison.Ordinal),
            answer.Body.ToJsonString());
        Assert.Equal(new FakeEcrArchival(FakeEcrImageStatus.Archived, _clock.GetUtcNow(), null, null), _ecr.Archival(Repository, FakeEcr.Digest("image")));
        Assert.Empty(await DescribeAsync(imageStatus: null));
    }

    [Fact]
    public async Task Restore_IsActivating_UntilTheActivationDelayHasPassedOnTheClock_ThenActive()
    {
        _ecr.ActivationDelay = TimeSpan.FromMinutes(20);
        _ecr.AddImage(Repository, FakeEcr.Digest("image"), ["dev-1"], s_pushedAt, status: FakeEcrImageStatus.Archived);
        var restoredAt = _clock.GetUtcNow();

        var answer = await UpdateStorageClassAsync(new JsonObject { ["imageDigest"] = FakeEcr.Digest("image") }, "STANDARD");

        Assert.Equal(FakeEcrImageStatus.Activating, answer.Body["imageStatus"]!.GetValue<string>());
        Assert.Equal(["imageDigest"], answer.Body["imageId"]!.AsObject().Select(p => p.Key));
        _clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(FakeEcrImageStatus.Activating, Assert.Single(await DescribeAsync(FakeEcrImageStatus.Activating))["imageStatus"]!.GetValue<string>());
        Assert.Empty(await DescribeAsync(imageStatus: null));

        _clock.Advance(TimeSpan.FromMinutes(1));

        var detail = Assert.Single(await DescribeAsync(imageStatus: null));
        Assert.Equal(FakeEcrImageStatus.Active, detail["imageStatus"]!.GetValue<string>());
        Assert.Equal(restoredAt.AddMinutes(20), Time(detail, "lastActivatedAt"));
        Assert.Empty(await DescribeAsync(FakeEcrImageStatus.Activating));
    }

    [Fact]
    public async Task Restore_WithoutActivationDelay_AnswersActivating_AndTheNextCallFindsItActive()
    {
        _ecr.AddImage(Repository, FakeEcr.Digest("image"), ["dev-1"], s_pushedAt, status: FakeEcrImageStatus.Archived);

        var answer = await UpdateStorageClassAsync(new JsonObject { ["imageTag"] = "dev-1" }, "STANDARD");

        Assert.Equal(FakeEcrImageStatus.Activating, answer.Body["imageStatus"]!.GetValue<string>());
        var image = Assert.Single(_ecr.Images(Repository));
        Assert.True(image.IsActive);
        Assert.Equal(_clock.GetUtcNow(), _ecr.Archival(Repository, image.Digest).LastActivatedAt);
    }

    [Theory]
    [InlineData(FakeEcrImageStatus.Archived, "ARCHIVE")]
    [InlineData(FakeEcrImageStatus.Activating, "ARCHIVE")]
    [InlineData(FakeEcrImageStatus.Active, "STANDARD")]
    [InlineData(FakeEcrImageStatus.Activating, "STANDARD")]
    public async Task UpdateImageStorageClass_IsNotSupported_ExceptToArchiveAnActiveImageOrRestoreAnArchivedOne(string status, string target)
    {
        _ecr.ActivationDelay = TimeSpan.FromMinutes(20);
        _ecr.AddImage(Repository, FakeEcr.Digest("image"), ["dev-1"], s_pushedAt, status: status);

        var answer = await UpdateStorageClassAsync(new JsonObject { ["imageTag"] = "dev-1" }, target);

        Assert.Equal((HttpStatusCode.BadRequest, "ImageStorageClassUpdateNotSupportedException"), (answer.Status, answer.Body["__type"]!.GetValue<string>()));
        Assert.Equal(status, _ecr.Archival(Repository, FakeEcr.Digest("image")).Status);
    }

    [Theory]
    [InlineData(Repository, "dev-9", "ARCHIVE", "ImageNotFoundException")]
    [InlineData("web", "dev-1", "ARCHIVE", "RepositoryNotFoundException")]
    [InlineData(Repository, "dev-1", "GLACIER", "ValidationException")]
    [InlineData(Repository, null, "ARCHIVE", "InvalidParameterException")]
    public async Task UpdateImageStorageClass_AnswersTheDocumentedError(string repository, string? tag, string target, string code)
    {
        _ecr.AddImage(Repository, FakeEcr.Digest("image"), ["dev-1"], s_pushedAt);
        var imageId = tag is null ? new JsonObject() : new JsonObject { ["imageTag"] = tag };

        var answer = await CallAsync(
            "UpdateImageStorageClass",
            new JsonObject { ["repositoryName"] = repository, ["imageId"] = imageId, ["targetStorageClass"] = target });

        Assert.Equal((HttpStatusCode.BadRequest, code), (answer.Status, answer.Body["__type"]!.GetValue<string>()));
        Assert.Equal(FakeEcrImageStatus.Active, _ecr.Archival(Repository, FakeEcr.Digest("image")).Status);
    }

    [Fact]
    public async Task UpdateImageStorageClass_WithoutImageId_IsAValidationError()
    {
        var answer = await CallAsync("UpdateImageStorageClass", new JsonObject { ["repositoryName"] = Repository, ["targetStorageClass"] = "ARCHIVE" });

        Assert.Equal((HttpStatusCode.BadRequest, "ValidationException"), (answer.Status, answer.Body["__type"]!.GetValue<string>()));
    }

    [Fact]
    public void Setters_SeedStatusAndPullTime_AsOfTheirTimes()
    {
        var digest = FakeEcr.Digest("image");
        var archivedAt = s_pushedAt.AddDays(10);
        var pulledAt = s_pushedAt.AddDays(1);
        _ecr.AddImage(Repository, digest, ["dev-1"], s_pushedAt);

        _ecr.SetStatus(Repository, digest, FakeEcrImageStatus.Archived, archivedAt);
        _ecr.SetLastRecordedPullTime(Repository, digest, pulledAt);
        var archived = _ecr.Archival(Repository, digest);
        _ecr.SetStatus(Repository, digest, FakeEcrImageStatus.Active);

        Assert.Equal(new FakeEcrArchival(FakeEcrImageStatus.Archived, archivedAt, null, pulledAt), archived);
        Assert.Equal(new FakeEcrArchival(FakeEcrImageStatus.Active, archivedAt, _clock.GetUtcNow(), pulledAt), _ecr.Archival(Repository, digest));
        Assert.Throws<ArgumentException>(() => _ecr.SetStatus(Repository, digest, "archived"));
    }

    [Fact]
    public async Task BatchDeleteImage_DeletesArchivedAndActivatingImages()
    {
        _ecr.ActivationDelay = TimeSpan.FromMinutes(20);
        _ecr.AddImage(Repository, FakeEcr.Digest("archived"), ["dev-1"], s_pushedAt, status: FakeEcrImageStatus.Archived);
        _ecr.AddImage(Repository, FakeEcr.Digest("activating"), ["dev-2"], s_pushedAt, status: FakeEcrImageStatus.Activating);
        var sut = _ecr.CreateClient();

        var result = await sut.BatchDeleteImageAsync(
            null, Repository, [ImageId.ForDigest(FakeEcr.Digest("archived")), ImageId.ForTag("dev-2")], null, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(2, result.Deleted.Count);
        Assert.Empty(result.Failures);
        Assert.Empty(_ecr.Images(Repository));
    }

    private async Task<List<JsonObject>> DescribeAsync(string? imageStatus)
    {
        var body = new JsonObject { ["repositoryName"] = Repository };
        if (imageStatus is not null)
        {
            body["filter"] = new JsonObject { ["imageStatus"] = imageStatus };
        }

        var answer = await CallAsync("DescribeImages", body);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return [.. answer.Body["imageDetails"]!.AsArray().Select(d => d!.AsObject())];
    }

    private Task<(HttpStatusCode Status, JsonObject Body)> UpdateStorageClassAsync(JsonObject imageId, string target) =>
        CallAsync("UpdateImageStorageClass", new JsonObject { ["repositoryName"] = Repository, ["imageId"] = imageId, ["targetStorageClass"] = target });

    // Signed as the fake checks it (scope and headers), as the production client signs every call.
    private async Task<(HttpStatusCode Status, JsonObject Body)> CallAsync(string operation, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new(FakeEcrResponses.JsonMediaType);
        request.Headers.Add("X-Amz-Target", $"AmazonEC2ContainerRegistry_V20150921.{operation}");
        request.Headers.Add("X-Amz-Date", "20260401T080000Z");
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"AWS4-HMAC-SHA256 Credential={FakeEcr.AccessKeyId}/20260401/{FakeEcr.Region}/ecr/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=00");
        using var response = await _http.SendAsync(request);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (response.StatusCode, answer);
    }

    private static List<string> Ids(JsonObject listImages) =>
    [
        .. listImages["imageIds"]!.AsArray().Select(id =>
            $"{Seed(id!["imageDigest"]!.GetValue<string>())} {id["imageTag"]?.GetValue<string>() ?? "-"}"),
    ];

    private static string Seed(string digest) =>
        s_seeds.Single(seed => FakeEcr.Digest(seed) == digest);

    private static DateTimeOffset? Time(JsonObject detail, string name) =>
        detail[name] is { } seconds ? DateTimeOffset.UnixEpoch.AddTicks((long)(seconds.GetValue<decimal>() * TimeSpan.TicksPerSecond)) : null;
}
