using System.Text.Json;

namespace EcrUtils.IntegrationTests;

/// <summary>Multi-arch images (real OCI indexes and Docker manifest lists), signatures and attestations, end to end against moto.</summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed class MultiArchTests(MotoServer server) : TaskTest(server)
{
    [Fact]
    public async Task DeleteOldest_DeletesOldMultiArchImagesWhole_AndKeepsEverythingTheKeptOnesNeed()
    {
        await Registry.CreateRepositoryAsync("api");
        var stray = await Registry.PushImageAsync("api", [], Start);
        var shared = TestManifests.Image(platform: "linux/arm64");
        var old1 = await Registry.PushIndexAsync("api", ["automation-master-1"], Start.AddMinutes(1));
        await Registry.PushAsync("api", old1.Children[0], ["debug-amd64"]);
        var old2 = await Registry.PushIndexAsync("api", ["automation-master-2"], Start.AddMinutes(2), [TestManifests.Image(platform: "linux/amd64"), shared]);
        var old3 = await Registry.PushIndexAsync("api", ["automation-master-3"], Start.AddMinutes(3), mediaType: MediaTypes.DockerManifestList);
        var kept = await Registry.PushIndexAsync("api", ["automation-master-4"], Start.AddMinutes(4), [TestManifests.Image(platform: "linux/amd64"), shared]);
        var branch = await Registry.PushIndexAsync("api", ["automation-3f2a9c1d-1"], Start.AddMinutes(5));
        var oldSignature = await Registry.PushAsync("api", TestManifests.Image(), [TestManifests.CompanionTag(old1.Digest)], Start.AddMinutes(1));
        var oldAttestation = await Registry.PushAsync("api", TestManifests.Image(), [TestManifests.CompanionTag(old3.Digest, "att")], Start.AddMinutes(3));
        var keptSignature = await Registry.PushAsync("api", TestManifests.Image(), [TestManifests.CompanionTag(kept.Digest)], Start.AddMinutes(4));

        var result = await RunAsync("--target=DeleteOldestImages", "--environment=automation-master", "--repository=api", "--keep=1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var api = (await Registry.GetStateAsync()).Repository("api");
        string[] expected =
        [
            stray, old1.ChildDigests[0], .. kept.ChildDigests, kept.Digest, .. branch.ChildDigests, branch.Digest, keptSignature,
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), api.Images.Select(i => i.Digest).Order(StringComparer.Ordinal));
        Assert.Equal(["debug-amd64"], api.ImageByDigest(old1.ChildDigests[0])!.Tags);
        Assert.All([old1.Digest, old2.Digest, old3.Digest, oldSignature, oldAttestation, old1.ChildDigests[1], old2.ChildDigests[0], .. old3.ChildDigests],
            digest => Assert.Null(api.ImageByDigest(digest)));

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath));
        var repository = report.RootElement.GetProperty("repositories")[0];
        Assert.Equal("done", repository.GetProperty("status").GetString());
        Assert.Equal(3 + 6, repository.GetProperty("imagesDeleted").GetInt32());
        var old2Related = Related(repository, old2.Digest);
        Assert.Equal("deleted", old2Related[old2.ChildDigests[0]].GetProperty("outcome").GetString());
        Assert.Equal("kept", old2Related[shared.Digest].GetProperty("outcome").GetString());
        Assert.Equal("kept", Related(repository, old1.Digest)[old1.ChildDigests[0]].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task DeleteAll_Preview_ListsTheChildrenAndCompanionsThatWouldGo_AndChangesNothing()
    {
        await Registry.CreateRepositoryAsync("api");
        var index = await Registry.PushIndexAsync("api", ["automation-3f2a9c1d-1"], Start.AddMinutes(1), ["linux/amd64", "linux/arm64"]);
        await Registry.PushAsync("api", TestManifests.Image(), [TestManifests.CompanionTag(index.Digest)], Start.AddMinutes(1));
        await Registry.PushAsync("api", TestManifests.Image(), [TestManifests.CompanionTag(index.Digest, "sbom")], Start.AddMinutes(1));
        var before = await Registry.GetStateAsync();

        var result = await RunAsync("--target=DeleteAllImages", "--environment=automation-3f2a9c1d", "--repository=api", "--preview");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(before.Repository("api").Images, (await Registry.GetStateAsync()).Repository("api").Images, ImageStateComparer.Instance);
        Assert.Contains($"would delete child ({index.ChildDigests[0]})", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"would delete companion {TestManifests.CompanionTag(index.Digest, "sbom")}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("5 would be deleted", result.StandardOutput, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath));
        var related = Related(report.RootElement.GetProperty("repositories")[0], index.Digest);
        Assert.Equal(4, related.Count);
        Assert.All(related.Values, r => Assert.Equal("planned", r.GetProperty("outcome").GetString()));
    }

    private static Dictionary<string, JsonElement> Related(JsonElement repository, string digest) =>
        repository.GetProperty("images").EnumerateArray()
            .Single(image => image.GetProperty("digest").GetString() == digest)
            .GetProperty("related").EnumerateArray()
            .ToDictionary(r => r.GetProperty("digest").GetString()!, r => r.Clone());
}
