namespace EcrUtils.IntegrationTests;

[Collection(MotoCollectionDefinition.Name)]
public sealed class DeleteAllImagesTests(MotoServer server) : TaskTest(server)
{
    [Fact]
    public async Task DeleteAll_RemovesOnlyTheEnvironmentsTags_AndKeepsTheSharedImage()
    {
        var digests = await SeedTwoEnvironmentsAsync();

        var result = await RunAsync("--target=DeleteAllImages", "--environment=automation-3f2a9c1d", "--repository=api", "--confirm=automation-3f2a9c1d");

        Assert.True(result.ExitCode == 0, result.ToString());
        var api = (await Registry.GetStateAsync()).Repository("api");
        Assert.Equal(["automation-master-1", "automation-master-2", "automation-master-3", "automation-master-4", "automation-master-5"], api.AllTags);
        Assert.Equal(["automation-master-5"], api.ImageByDigest(digests["automation-master-5"])!.Tags);
        Assert.Equal(5, api.Images.Count);
    }

    [Fact]
    public async Task DeleteAll_WithoutConfirm_IsAUsageError_AndDeletesNothing()
    {
        await SeedTwoEnvironmentsAsync();

        var result = await RunAsync("--target=DeleteAllImages", "--environment=automation-3f2a9c1d", "--repository=api");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--confirm=automation-3f2a9c1d", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(8, (await Registry.GetStateAsync()).Repository("api").AllTags.Count);
    }

    [Fact]
    public async Task DeleteAll_WithAnotherName_IsAUsageError_AndDeletesNothing()
    {
        await SeedTwoEnvironmentsAsync();

        var result = await RunAsync("--target=DeleteAllImages", "--environment=automation-3f2a9c1d", "--repository=api", "--confirm=automation-master");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal(8, (await Registry.GetStateAsync()).Repository("api").AllTags.Count);
    }

    [Fact]
    public async Task DeleteAll_Preview_ChangesNothing()
    {
        await SeedTwoEnvironmentsAsync();

        var result = await RunAsync("--target=DeleteAllImages", "--environment=automation-3f2a9c1d", "--repository=api", "--preview");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(8, (await Registry.GetStateAsync()).Repository("api").AllTags.Count);
        Assert.Contains("Nothing was deleted", result.StandardOutput, StringComparison.Ordinal);
    }
}
