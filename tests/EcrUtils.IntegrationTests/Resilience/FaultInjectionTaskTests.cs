using System.Text.Json;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// The three tasks through ./build.sh, with a proxy in front of moto that throttles about 30% of requests, fails some
/// with 500, resets connections and lets requests hang past the request timeout, before and after they take effect:
/// each ends exactly where a run without faults ends.
/// </summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed class FaultInjectionTaskTests(MotoServer server) : ResilienceTaskTest(server)
{
    // Short, so that each hang costs the test little; the proxy holds a hung request far longer.
    private const string RequestTimeout = "--request-timeout=2";

    private static readonly MotoSeed s_registry = FaultScenarios.MixedRegistry();

    [Fact]
    public async Task DeleteOldest_ThroughFaults_EndsWithTheRegistryOfACleanRun()
    {
        string[] arguments = ["--target=DeleteOldestImages", "--environment=automation-master", "--all-repositories", "--keep=3"];
        var expected = await CleanRunAsync(arguments);

        var result = await FaultyRunAsync(seed: 11, arguments);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, await SnapshotAsync());
        AssertWorstFaultsMet();
    }

    [Fact]
    public async Task DeleteAll_ThroughFaults_EndsWithTheRegistryOfACleanRun()
    {
        string[] arguments = ["--target=DeleteAllImages", "--environment=automation-3f2a9c1d", "--all-repositories", "--confirm=automation-3f2a9c1d"];
        var expected = await CleanRunAsync(arguments);

        var result = await FaultyRunAsync(seed: 12, arguments);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, await SnapshotAsync());
        AssertWorstFaultsMet();
    }

    [Fact]
    public async Task GetLatest_ThroughFaults_GivesTheAnswerOfACleanRun()
    {
        string[] arguments = ["--target=GetLatestImages", "--environment=automation-master", "--all-repositories", "--fallback-environment=automation-3f2a9c1d"];
        await CleanRunAsync(arguments, expectedExitCode: ExitCodes.MissingImages);
        var expected = await LatestImagesAsync();

        var result = await FaultyRunAsync(seed: 13, arguments);

        Assert.True(result.ExitCode == ExitCodes.MissingImages, result.ToString());
        Assert.Equal(expected, await LatestImagesAsync());
        Assert.True(Proxy.Count(ProxyAction.Throttle) > 0);
    }

    private async Task<IReadOnlyList<string>> CleanRunAsync(string[] arguments, int expectedExitCode = 0)
    {
        await Registry.SeedAsync(s_registry);
        var result = await RunAsync(arguments);
        Assert.True(result.ExitCode == expectedExitCode, result.ToString());
        var registry = await SnapshotAsync();
        await Server.ResetAsync();
        return registry;
    }

    private async Task<ProcessResult> FaultyRunAsync(int seed, string[] arguments)
    {
        await Registry.SeedAsync(s_registry);
        Proxy.Decide = new ProxyFaultPlan(seed).Decide;
        return await RunThroughProxyAsync([.. arguments, RequestTimeout]);
    }

    private void AssertWorstFaultsMet()
    {
        var log = Proxy.Log;
        Assert.InRange(Proxy.Count(ProxyAction.Throttle), log.Count * 0.15, log.Count * 0.75);
        Assert.True(Proxy.Count(ProxyAction.ResetAfterApplying) > 0, "A deletion lost its answer after it took effect.");
        Assert.True(Proxy.Count(ProxyAction.HangAfterApplying) > 0, "A deletion hung past the request timeout after it took effect.");
    }

    private async Task<string> LatestImagesAsync()
    {
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath));
        return report.RootElement.GetProperty("latestImages").GetRawText();
    }
}
