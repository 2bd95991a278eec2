using System.Text.Json;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// Another pipeline changes moto's registry after the tool planned and before it deletes (the proxy holds the first
/// BatchDeleteImage while the test acts): a tag it adds survives, an image it pushes is untouched, a tag it moves is reported.
/// </summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed class TagRaceTaskTests(MotoServer server) : ResilienceTaskTest(server)
{
    [Fact]
    public async Task ProductionTag_AddedToAPlannedImageDuringTheRun_SurvivesWithTheImage()
    {
        var registry = FaultScenarios.OneEnvironment(5);
        await Registry.SeedAsync(registry);
        var planned = registry.Images[0].Manifest;
        BeforeFirstDeletion(() => Registry.PushAsync("api", planned, ["production-1"]));

        var result = await RunThroughProxyAsync("--target=DeleteOldestImages", "--environment=automation-master", "--repository=api");

        Assert.True(result.ExitCode == 0, result.ToString());
        var api = (await Registry.GetStateAsync()).Repository("api");
        Assert.Equal(["production-1"], api.ImageByDigest(planned.Digest)!.Tags);
        Assert.Equal(["automation-master-4", "automation-master-5", "production-1"], api.AllTags);
    }

    [Fact]
    public async Task ImagePushedDuringDeleteAll_IsNotTouched()
    {
        await Registry.SeedAsync(FaultScenarios.OneEnvironment(3));
        var pushed = TestManifests.Image();
        BeforeFirstDeletion(() => Registry.PushAsync("api", pushed, ["automation-master-9"]));

        var result = await RunThroughProxyAsync("--target=DeleteAllImages", "--environment=automation-master", "--repository=api", "--confirm=automation-master");

        Assert.True(result.ExitCode == 0, result.ToString());
        var survivor = Assert.Single((await Registry.GetStateAsync()).Repository("api").Images);
        Assert.Equal(pushed.Digest, survivor.Digest);
        Assert.Equal(["automation-master-9"], survivor.Tags);
    }

    [Fact]
    public async Task PlannedTagMovedToAnotherImageDuringTheRun_IsReported_WithThePartialFailureCode()
    {
        await Registry.SeedAsync(FaultScenarios.OneEnvironment(3));
        var newcomer = TestManifests.Image();
        BeforeFirstDeletion(() => Registry.PushAsync("api", newcomer, ["automation-master-1"]));

        var result = await RunThroughProxyAsync("--target=DeleteOldestImages", "--environment=automation-master", "--repository=api");

        Assert.True(result.ExitCode == ExitCodes.PartialFailure, result.ToString());
        Assert.Contains("TagMoved", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath));
        var problem = Assert.Single(report.RootElement.GetProperty("repositories")[0].GetProperty("problems").EnumerateArray());
        Assert.Equal("TagMoved", problem.GetProperty("code").GetString());
        Assert.Equal(newcomer.Digest, problem.GetProperty("digest").GetString());
        Assert.Equal("partial-failure", report.RootElement.GetProperty("status").GetString());
    }

    private void BeforeFirstDeletion(Func<Task> change) => Proxy.BeforeForward = async call =>
    {
        if (call.Operation == "BatchDeleteImage" && call.Number == 1)
        {
            await change();
        }
    };
}
