using System.Text.Json;

namespace EcrUtils.IntegrationTests;

/// <summary>The deleting tasks end to end through <c>./build.sh</c>, with ECS and Lambda workloads in moto.</summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed class InUseTaskTests(MotoServer server) : TaskTest(server)
{
    [Fact]
    public async Task DeleteOldest_KeepsAnOlderImageThatARunningServiceUses()
    {
        var digests = await SeedTwoEnvironmentsAsync();
        await ServiceUsesAsync("api:automation-master-2");

        var result = await RunAsync("--target=DeleteOldestImages", "--environment=automation-master", "--repository=api");

        Assert.True(result.ExitCode == 0, result.ToString());
        var api = (await Registry.GetStateAsync()).Repository("api");
        Assert.Equal(["automation-master-2", "automation-master-4", "automation-master-5"], MasterTags(api));
        Assert.Equal(digests["automation-master-2"], api.ImageByTag("automation-master-2")!.Digest);
        Assert.Contains("in use by prod/api", result.StandardOutput, StringComparison.Ordinal);
        var image = ReportImage("automation-master-2");
        Assert.Equal(("keep", "in use by prod/api"), (image.GetProperty("action").GetString(), image.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task DeleteAll_KeepsAnImageThatARunningServiceUses()
    {
        await SeedTwoEnvironmentsAsync();
        await ServiceUsesAsync("api:automation-master-2");

        var result = await RunAsync("--target=DeleteAllImages", "--environment=automation-master", "--repository=api", "--confirm=automation-master");

        Assert.True(result.ExitCode == 0, result.ToString());
        var api = (await Registry.GetStateAsync()).Repository("api");
        Assert.Equal(["automation-master-2"], MasterTags(api));
        Assert.Equal(["automation-3f2a9c1d-1", "automation-3f2a9c1d-2", "automation-3f2a9c1d-3"], api.AllTags.Where(t => t.StartsWith("automation-3f2a9c1d-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CheckOff_DeletesTheImageInUse_AndSaysTheCheckWasOff()
    {
        await SeedTwoEnvironmentsAsync();
        await ServiceUsesAsync("api:automation-master-2");

        var result = await RunAsync("--target=DeleteOldestImages", "--environment=automation-master", "--repository=api", "--in-use-check=off");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["automation-master-4", "automation-master-5"], MasterTags((await Registry.GetStateAsync()).Repository("api")));
        Assert.Contains("The in-use check was off", result.StandardOutput, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath));
        Assert.Equal("off", report.RootElement.GetProperty("inUseCheck").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AccessDeniedOnEcs_StopsTheRun_WithZeroDeletions()
    {
        await SeedTwoEnvironmentsAsync();
        await ServiceUsesAsync("api:automation-master-2");
        var before = (await Registry.GetStateAsync()).Repository("api").AllTags;
        var credentials = await Registry.EnableAuthAsync(IamPolicies.Allow("ecr:*"));

        var result = await RunAsUserAsync(credentials, "--target=DeleteOldestImages", "--environment=automation-master", "--repository=api");

        Assert.Equal(ExitCodes.InUseCheckFailed, result.ExitCode);
        Assert.Contains("ecs:ListClusters", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Nothing was deleted", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        await Registry.DisableAuthAsync();
        Assert.Equal(before, (await Registry.GetStateAsync()).Repository("api").AllTags);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath));
        Assert.Equal("failed", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("failed", report.RootElement.GetProperty("inUseCheck").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Preview_ShowsImagesThatALambdaAliasAndARunningTaskUse()
    {
        await SeedTwoEnvironmentsAsync();
        await MotoWorkloads.CreateAsync(Server, new WorkloadSpec(
            [new ClusterSpec("jobs", [], [new TaskSpec("nightly", MotoWorkloads.Image(Server, "api:automation-master-3"))])],
            [new FunctionSpec("resize", MotoWorkloads.Image(Server, "api:automation-master-1"), ["live"])]));

        var result = await RunAsync("--target=DeleteOldestImages", "--environment=automation-master", "--repository=api", "--preview");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("kept automation-master-1", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("in use by resize:$LATEST, resize:live", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("in use by jobs/family:nightly", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("would remove automation-master-2", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(["resize:$LATEST", "resize:live"], ReportImage("automation-master-1").GetProperty("inUseBy").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("remove", ReportImage("automation-master-2").GetProperty("action").GetString());
        Assert.Equal(8, (await Registry.GetStateAsync()).Repository("api").AllTags.Count);
    }

    private Task ServiceUsesAsync(string repositoryAndTag) =>
        MotoWorkloads.CreateAsync(Server, new WorkloadSpec(
            [new ClusterSpec("prod", [new ServiceSpec("api", MotoWorkloads.Image(Server, repositoryAndTag))], [])],
            []));

    private static IReadOnlyList<string> MasterTags(RepositoryState repository) =>
        [.. repository.AllTags.Where(tag => tag.StartsWith("automation-master-", StringComparison.Ordinal))];

    private JsonElement ReportImage(string tag)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(ReportPath));
        return report.RootElement.GetProperty("repositories")[0].GetProperty("images").EnumerateArray()
            .Single(image => image.GetProperty("tags").EnumerateArray().Any(t => t.GetString() == tag))
            .Clone();
    }
}
