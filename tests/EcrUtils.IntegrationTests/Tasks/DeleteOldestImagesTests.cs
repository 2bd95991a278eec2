using System.Text.Json;

namespace EcrUtils.IntegrationTests;

[Collection(MotoCollectionDefinition.Name)]
public sealed class DeleteOldestImagesTests(MotoServer server) : TaskTest(server)
{
    [Fact]
    public async Task DeleteOldest_KeepsTwoNewest_AndLeavesOtherEnvironmentUntouched()
    {
        var digests = await SeedTwoEnvironmentsAsync();

        var result = await RunAsync("--target=DeleteOldestImages", "--environment=automation-master", "--repository=api");

        Assert.True(result.ExitCode == 0, result.ToString());
        var api = (await Registry.GetStateAsync()).Repository("api");
        Assert.Equal(
            ["automation-3f2a9c1d-1", "automation-3f2a9c1d-2", "automation-3f2a9c1d-3", "automation-master-4", "automation-master-5"],
            api.AllTags);
        Assert.Equal(["automation-3f2a9c1d-3", "automation-master-5"], api.ImageByDigest(digests["automation-master-5"])!.Tags);
        Assert.Equal(4, api.Images.Count);
        Assert.Contains("Removed 3 tags", result.StandardOutput, StringComparison.Ordinal);

        // One whole line per image, never wrapped, so that a digest can be copied from a log.
        var lines = result.StandardOutput.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.Contains($"  api: removed automation-master-1 ({digests["automation-master-1"]}), deleting the image", lines);
    }

    [Fact]
    public async Task Preview_ChangesNothing_AndReportsThePlan()
    {
        await SeedTwoEnvironmentsAsync();
        var before = await Registry.GetStateAsync();

        var result = await RunAsync("--target=DeleteOldestImages", "--environment=automation-master", "--repository=api", "--preview");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(before.Repository("api").AllTags, (await Registry.GetStateAsync()).Repository("api").AllTags);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath));
        Assert.True(report.RootElement.GetProperty("preview").GetBoolean());
        var repository = report.RootElement.GetProperty("repositories")[0];
        Assert.Equal(3, repository.GetProperty("imagesToRemove").GetInt32());
        Assert.Equal(0, repository.GetProperty("tagsRemoved").GetInt32());
        Assert.Contains("would remove automation-master-1", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keep_ChangesHowManyNewestStay_AcrossAllRepositories()
    {
        await SeedTwoEnvironmentsAsync("api");
        await SeedTwoEnvironmentsAsync("web");

        var result = await RunAsync("--target=DeleteOldestImages", "--environment=automation-master", "--all-repositories", "--keep=1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var state = await Registry.GetStateAsync();
        foreach (var name in new[] { "api", "web" })
        {
            Assert.Equal(["automation-master-5"], state.Repository(name).AllTags.Where(t => t.StartsWith("automation-master", StringComparison.Ordinal)));
        }
    }
}
