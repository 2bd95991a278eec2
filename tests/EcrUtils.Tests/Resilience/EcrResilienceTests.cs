using System.Net;
using EcrUtils.Aws;
using EcrUtils.Resilience;
using EcrUtils.Tests.Fakes;
using Polly.Timeout;

namespace EcrUtils.Tests.Resilience;

public sealed class EcrResilienceTests
{
    private static readonly EcrRetrySettings s_settings = new();

    [Fact]
    public async Task Pipeline_SucceedsOnThirdAttempt_AfterJitteredBackoffs_WhenServerFailsTwice()
    {
        var driver = new FakeTimeDriver(s_settings.AttemptTimeout);
        var sut = EcrResilience.Create(s_settings, driver);
        var attempts = 0;

        var result = await driver.RunAsync(() => sut.ExecuteAsync(_ =>
            ++attempts <= 2 ? throw Error("ServerException", HttpStatusCode.InternalServerError) : ValueTask.FromResult("done")).AsTask());

        Assert.Equal("done", result);
        Assert.Equal(3, attempts);
        Assert.Equal(2, driver.Delays.Count);
        Assert.InRange(driver.Delays[0], TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
        Assert.InRange(driver.Delays[1], TimeSpan.Zero, TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task Pipeline_TriesOnce_WhenErrorIsValidation()
    {
        var driver = new FakeTimeDriver(s_settings.AttemptTimeout);
        var sut = EcrResilience.Create(s_settings, driver);
        var attempts = 0;

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => driver.RunAsync(() => sut.ExecuteAsync<string>(_ =>
        {
            attempts++;
            throw Error("InvalidParameterException", HttpStatusCode.BadRequest);
        }).AsTask()));

        Assert.Equal("InvalidParameterException", error.ErrorCode);
        Assert.Equal(1, attempts);
        Assert.Empty(driver.Delays);
    }

    [Fact]
    public async Task Pipeline_DoesNotRetry_WhenCallerCancels()
    {
        var driver = new FakeTimeDriver(s_settings.AttemptTimeout);
        var sut = EcrResilience.Create(s_settings, driver);
        using var caller = new CancellationTokenSource();
        var attempts = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => driver.RunAsync(() => sut.ExecuteAsync<string>(
            async token =>
            {
                attempts++;
                await caller.CancelAsync();
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
                return "unreachable";
            },
            caller.Token).AsTask()));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Pipeline_RetriesAttempt_WhenItTimesOut()
    {
        var driver = new FakeTimeDriver(s_settings.AttemptTimeout);
        var sut = EcrResilience.Create(s_settings, driver);
        var attempts = 0;

        var result = await driver.RunAsync(() => sut.ExecuteAsync(async token =>
        {
            if (++attempts == 1)
            {
                driver.Time.Advance(s_settings.AttemptTimeout);
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
            }

            return "done";
        }).AsTask());

        Assert.Equal("done", result);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task Pipeline_GivesUpAfterMaxRetries_WithDelaysCappedAtMaxDelay()
    {
        var settings = s_settings with { MaxRetryAttempts = 8, MaxDelay = TimeSpan.FromSeconds(5) };
        var driver = new FakeTimeDriver(settings.AttemptTimeout);
        var sut = EcrResilience.Create(settings, driver);
        var attempts = 0;

        await Assert.ThrowsAsync<AwsServiceException>(() => driver.RunAsync(() => sut.ExecuteAsync<string>(_ =>
        {
            attempts++;
            throw Error("ServerException", HttpStatusCode.InternalServerError);
        }).AsTask()));

        Assert.Equal(9, attempts);
        Assert.Equal(8, driver.Delays.Count);
        for (var retry = 0; retry < driver.Delays.Count; retry++)
        {
            var full = Math.Min(200 * Math.Pow(2, retry), settings.MaxDelay.TotalMilliseconds);
            Assert.InRange(driver.Delays[retry].TotalMilliseconds, 0, full);
        }
    }

    [Fact]
    public async Task Pipeline_TriesOnce_WhenRetriesAreOff()
    {
        var settings = s_settings with { MaxRetryAttempts = 0 };
        var driver = new FakeTimeDriver(settings.AttemptTimeout);
        var sut = EcrResilience.Create(settings, driver);
        var attempts = 0;

        await Assert.ThrowsAsync<HttpRequestException>(() => driver.RunAsync(() => sut.ExecuteAsync<string>(_ =>
        {
            attempts++;
            throw new HttpRequestException("reset");
        }).AsTask()));

        Assert.Equal(1, attempts);
    }

    public static TheoryData<Exception, bool> Errors() => new()
    {
        { Error("ThrottlingException", HttpStatusCode.BadRequest), true },
        { Error("TooManyRequestsException", HttpStatusCode.BadRequest), true },
        { Error("RequestLimitExceeded", HttpStatusCode.BadRequest), true },
        { Error("ServiceUnavailableException", HttpStatusCode.BadRequest), true },
        { Error("HttpStatus429", HttpStatusCode.TooManyRequests), true },
        { Error("ServerException", HttpStatusCode.InternalServerError), true },
        { Error("HttpStatus502", HttpStatusCode.BadGateway), true },
        { Error("HttpStatus503", HttpStatusCode.ServiceUnavailable), true },
        { new HttpRequestException("connection refused"), true },
        { new IOException("reset"), true },
        { new TimeoutRejectedException(), true },
        { Error("InvalidParameterException", HttpStatusCode.BadRequest), false },
        { Error("RepositoryNotFoundException", HttpStatusCode.BadRequest), false },
        { Error("AccessDeniedException", HttpStatusCode.BadRequest), false },
        { Error("SignatureDoesNotMatch", HttpStatusCode.Forbidden), false },
        { Error("ExpiredTokenException", HttpStatusCode.BadRequest), false },
        { Error("InvalidResponse", HttpStatusCode.OK), false },
        { new OperationCanceledException(), false },
        { new InvalidOperationException(), false },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void IsTransient_RetriesOnlyTransientErrors(Exception exception, bool expected)
    {
        var transient = EcrResilience.IsTransient(exception);

        Assert.Equal(expected, transient);
    }

    [Theory]
    [InlineData(0, 0.0, 1)]
    [InlineData(0, 0.001, 1)]
    [InlineData(0, 0.999, 199.8)]
    [InlineData(3, 0.5, 800)]
    [InlineData(5, 1.0, 6_400)]
    [InlineData(20, 0.0, 1)]
    [InlineData(20, 0.25, 5_000)]
    [InlineData(int.MaxValue, 1.0, 20_000)]
    public void BackoffDelay_IsARandomShareOfTheCappedExponentialDelay(int attemptNumber, double random, double expectedMilliseconds)
    {
        var delay = EcrResilience.BackoffDelay(s_settings, attemptNumber, random);

        Assert.Equal(expectedMilliseconds, delay.TotalMilliseconds, 3);
    }

    public static TheoryData<Exception, bool> ThrottlingErrors() => new()
    {
        { Error("ThrottlingException", HttpStatusCode.BadRequest), true },
        { Error("TooManyRequestsException", HttpStatusCode.BadRequest), true },
        { Error("RequestLimitExceeded", HttpStatusCode.BadRequest), true },
        { Error("HttpStatus429", HttpStatusCode.TooManyRequests), true },
        { Error("ServerException", HttpStatusCode.InternalServerError), false },
        { Error("ServiceUnavailableException", HttpStatusCode.ServiceUnavailable), false },
        { Error("LimitExceededException", HttpStatusCode.BadRequest), false },
        { new HttpRequestException("reset"), false },
        { new TimeoutRejectedException(), false },
    };

    [Theory]
    [MemberData(nameof(ThrottlingErrors))]
    public void IsThrottling_TellsThrottlingFromOtherFailures(Exception exception, bool expected)
    {
        var throttling = EcrResilience.IsThrottling(exception);

        Assert.Equal(expected, throttling);
    }

    public static TheoryData<EcrRetrySettings> UnworkableSettings() =>
    [
        new() { MaxRetryAttempts = -1 },
        new() { BaseDelay = TimeSpan.Zero },
        new() { MaxDelay = TimeSpan.FromMilliseconds(100) },
        new() { AttemptTimeout = TimeSpan.FromMilliseconds(5) },
        new() { OverallTimeout = TimeSpan.FromSeconds(30) },
        new() { OverallTimeout = TimeSpan.FromDays(2) },
        new() { MaxConcurrentRequests = 0 },
        new() { MinRequestsPerSecond = 0 },
        new() { MinRequestsPerSecond = double.NaN },
    ];

    [Theory]
    [MemberData(nameof(UnworkableSettings))]
    public void Create_RejectsSettings_ThatCannotWork(EcrRetrySettings settings)
    {
        var error = Assert.Throws<ArgumentException>(() => EcrResilience.Create(settings, TimeProvider.System));

        Assert.Equal("settings", error.ParamName);
    }

    [Fact]
    public void Defaults_AreSafe()
    {
        var sut = new EcrRetrySettings();

        Assert.Equal(6, sut.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(30), sut.AttemptTimeout);
        Assert.True(sut.OverallTimeout > (sut.AttemptTimeout * 2) + sut.MaxDelay);
        Assert.Equal(4, sut.MaxConcurrentRequests);
        Assert.True(sut.AdaptiveRateLimit);
        EcrResilience.Create(sut, TimeProvider.System);
    }

    private static AwsServiceException Error(string code, HttpStatusCode statusCode) => new(code, "test", statusCode, "DescribeImages");
}
