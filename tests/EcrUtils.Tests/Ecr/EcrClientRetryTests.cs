using System.Net;
using EcrUtils.Aws;
using EcrUtils.Ecr;
using EcrUtils.Resilience;
using EcrUtils.Tests.Fakes;

namespace EcrUtils.Tests.Ecr;

public sealed class EcrClientRetryTests
{
    private static readonly EcrRetrySettings s_settings = new();
    private readonly FakeEcr _ecr = new();
    private readonly FakeTimeDriver _time = new(s_settings.AttemptTimeout);

    public EcrClientRetryTests()
    {
        _ecr.AddRepository("team/api");
        _ecr.AddImage("team/api", FakeEcr.Digest("a"), ["dev-1"], new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    public static TheoryData<string> TransientFaults() => ["throttling", "500", "503", "429", "reset", "io"];

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task DescribeImages_SucceedsAfterRetries_WhenFaultsAreTransient(string fault)
    {
        _ecr.Faults.Enqueue(EcrOperation.DescribeImages, Fault(fault), Fault(fault));
        var sut = _ecr.CreateClient(EcrResilience.Create(s_settings, _time));

        var images = await _time.RunAsync(() => ReadAllAsync(sut));

        Assert.Equal([FakeEcr.Digest("a")], images.Select(i => i.Digest));
        Assert.Equal(3, _ecr.CallCount(EcrOperation.DescribeImages));
        // Two backoffs, and after throttling also the waits of the adaptive rate limit (tested in Resilience/).
        Assert.InRange(_time.Delays.Count, 2, 4);
    }

    [Fact]
    public async Task BatchDelete_SignsEveryAttempt_WhenRetried()
    {
        _ecr.Faults.Enqueue(EcrOperation.BatchDeleteImage, FakeEcrFault.Throttling());
        var sut = _ecr.CreateClient(EcrResilience.Create(s_settings, _time));

        var result = await _time.RunAsync(
            () => sut.BatchDeleteImageAsync(null, "team/api", [ImageId.ForTag("dev-1")], null, CancellationToken.None));

        Assert.Equal([new DeletedImage("dev-1", FakeEcr.Digest("a"))], result.Deleted);
        Assert.Equal(2, _ecr.Calls.Count);
        Assert.All(_ecr.Calls, c => Assert.StartsWith("AWS4-HMAC-SHA256 ", c.Authorization, StringComparison.Ordinal));
        Assert.All(_ecr.Calls, c => Assert.NotEmpty(c.AmzDate));
    }

    [Fact]
    public async Task DescribeImages_IsNotRetried_WhenRequestIsInvalid()
    {
        _ecr.Faults.Enqueue(EcrOperation.DescribeImages, FakeEcrFault.Error(HttpStatusCode.BadRequest, "InvalidParameterException", "bad"));
        var sut = _ecr.CreateClient(EcrResilience.Create(s_settings, _time));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _time.RunAsync(() => ReadAllAsync(sut)));

        Assert.Equal("InvalidParameterException", error.ErrorCode);
        Assert.Equal(1, _ecr.CallCount(EcrOperation.DescribeImages));
    }

    [Fact]
    public async Task DescribeImages_IsNotRetried_WhenAccessIsDenied()
    {
        _ecr.Faults.Enqueue(EcrOperation.DescribeImages, FakeEcrFault.Error(HttpStatusCode.BadRequest, "AccessDeniedException", "no"));
        var sut = _ecr.CreateClient(EcrResilience.Create(s_settings, _time));

        await Assert.ThrowsAsync<AwsServiceException>(() => _time.RunAsync(() => ReadAllAsync(sut)));

        Assert.Equal(1, _ecr.CallCount(EcrOperation.DescribeImages));
    }

    [Fact]
    public async Task DescribeImages_RetriesAnAttempt_ThatHangsPastItsTimeout()
    {
        _ecr.Faults.Enqueue(EcrOperation.DescribeImages, new FakeEcrFault("hang, then time out", async token =>
        {
            _time.Time.Advance(s_settings.AttemptTimeout);
            return await FakeEcrFault.Hang().Respond(token);
        }));
        var sut = _ecr.CreateClient(EcrResilience.Create(s_settings, _time));

        var images = await _time.RunAsync(() => ReadAllAsync(sut));

        Assert.Single(images);
        Assert.Equal(2, _ecr.CallCount(EcrOperation.DescribeImages));
    }

    [Fact]
    public async Task DescribeImages_StopsWithoutRetry_WhenCallerCancelsDuringAHang()
    {
        using var caller = new CancellationTokenSource();
        _ecr.Faults.Enqueue(EcrOperation.DescribeImages, new FakeEcrFault("hang, then cancel", async token =>
        {
            await caller.CancelAsync();
            return await FakeEcrFault.Hang().Respond(token);
        }));
        var sut = _ecr.CreateClient(EcrResilience.Create(s_settings, _time));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _time.RunAsync(() => ReadAllAsync(sut, caller.Token)));

        Assert.Equal(1, _ecr.CallCount(EcrOperation.DescribeImages));
    }

    [Fact]
    public async Task DescribeImages_ThrowsLastError_WhenThrottlingOutlastsRetries()
    {
        _ecr.Faults.When = _ => FakeEcrFault.Throttling();
        var sut = _ecr.CreateClient(EcrResilience.Create(s_settings, _time));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _time.RunAsync(() => ReadAllAsync(sut)));

        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal(s_settings.MaxRetryAttempts + 1, _ecr.CallCount(EcrOperation.DescribeImages));
    }

    private static FakeEcrFault Fault(string name) => name switch
    {
        "throttling" => FakeEcrFault.Throttling(),
        "500" => FakeEcrFault.ServerError(),
        "503" => FakeEcrFault.Raw(HttpStatusCode.ServiceUnavailable, "text/plain", string.Empty),
        "429" => FakeEcrFault.Error(HttpStatusCode.TooManyRequests, "TooManyRequestsException", "slow down"),
        "reset" => FakeEcrFault.ConnectionReset(),
        _ => FakeEcrFault.IoError(),
    };

    private static async Task<List<EcrImage>> ReadAllAsync(IEcrClient sut, CancellationToken cancellationToken = default)
    {
        List<EcrImage> images = [];
        await foreach (var page in sut.DescribeImagesAsync(null, "team/api", cancellationToken))
        {
            images.AddRange(page);
        }

        return images;
    }
}
