using System.Text.Json;

namespace EcrUtils.IntegrationTests;

/// <summary>--in-use-file end to end through <c>./build.sh</c>: the images it lists are kept, and a bad file is a usage error.</summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed class InUseFileTaskTests(MotoServer server) : TaskTest(server)
{
    private string Folder => Path.GetDirectoryName(ReportPath)!;

    [Fact]
    public async Task DeleteOldest_WithTheCheckOff_KeepsTheImagesTheFileLists_WithTheirLinesAsTheReason()
    {
        var digests = await SeedTwoEnvironmentsAsync();
        await MotoWorkloads.CreateAsync(Server, new WorkloadSpec(
            [new ClusterSpec("prod", [new ServiceSpec("api", MotoWorkloads.Image(Server, "api:automation-master-3"))], [])],
            []));
        await File.WriteAllLinesAsync(Path.Combine(Folder, "in-use.txt"),
        [
            "# what EKS runs, from kubectl",
            "docker.io/library/nginx:1.27",
            "api:automation-master-2",
            $"{Server.AccountId}.dkr.ecr.{Server.Region}.amazonaws.com/api@{digests["automation-master-1"]}",
        ]);

        // From the folder of the file, which the relative path is taken from; the ECS service protects nothing with the check off.
        var result = await Script.RunFromAsync(Folder,
        [
            "--target=DeleteOldestImages", "--environment=automation-master", "--repository=api", "--in-use-check=off",
            "--in-use-file=in-use.txt", $"--report={ReportPath}",
        ]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var api = (await Registry.GetStateAsync()).Repository("api");
        Assert.Equal(["automation-master-1", "automation-master-2", "automation-master-4", "automation-master-5"], api.AllTags.Where(t => t.StartsWith("automation-master-", StringComparison.Ordinal)));
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportPath));
        var images = report.RootElement.GetProperty("repositories")[0].GetProperty("images").EnumerateArray()
            .ToDictionary(i => i.GetProperty("tags")[0].GetString()!, i => i);
        Assert.Equal(("keep", "listed in in-use.txt line 3"), (images["automation-master-2"].GetProperty("action").GetString(), images["automation-master-2"].GetProperty("reason").GetString()));
        Assert.Equal(["listed in in-use.txt line 3"], images["automation-master-2"].GetProperty("inUseBy").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("listed in in-use.txt line 4", images["automation-master-1"].GetProperty("reason").GetString());
        Assert.Equal("remove", images["automation-master-3"].GetProperty("action").GetString());
        var check = report.RootElement.GetProperty("inUseCheck");
        Assert.Equal("off", check.GetProperty("status").GetString());
        var file = check.GetProperty("inUseFile");
        Assert.Equal(
            ("in-use.txt", 2, 1, "docker.io"),
            (file.GetProperty("path").GetString(), file.GetProperty("references").GetInt32(), file.GetProperty("ignoredOtherRegistries").GetInt32(), file.GetProperty("firstOtherRegistry").GetString()));
        const string Ignored = "Ignored 1 line of in-use.txt that names an image of another registry (the first: docker.io).";
        Assert.Single(result.StandardOutput.Split('\n'), line => line.Contains(Ignored, StringComparison.Ordinal));
        Assert.Contains("In-use file in-use.txt: 2 references to this registry; 2 images listed, all kept.", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"api: kept automation-master-2 ({digests["automation-master-2"]}): listed in in-use.txt line 3", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DeleteOldestImages", "--in-use-file=missing.txt", "--in-use-file=missing.txt cannot be read (there is no such file: ")]
    [InlineData("DeleteOldestImages", "--in-use-file=in-use.txt", "--in-use-file=in-use.txt line 3: 'api automation-master-2' is not an image reference. Write one image a line, as repo:tag, repo@sha256:<digest>, ")]
    [InlineData("DeleteAllImages", "--in-use-file=in-use.txt", "--in-use-file=in-use.txt line 3: 'api automation-master-2' is not an image reference.")]
    [InlineData("GetLatestImages", "--in-use-file=in-use.txt", "--in-use-file applies to DeleteOldestImages and DeleteAllImages only: remove it to run GetLatestImages.")]
    public async Task BadInUseFile_IsAUsageError_BeforeAnythingIsReadOrChanged(string task, string argument, string message)
    {
        await SeedTwoEnvironmentsAsync();
        await File.WriteAllLinesAsync(Path.Combine(Folder, "in-use.txt"), ["# EKS", "api:automation-master-1", "api automation-master-2"]);

        string[] confirm = task == "DeleteAllImages" ? ["--confirm=automation-master"] : [];

        var result = await Script.RunFromAsync(Folder, [$"--target={task}", "--environment=automation-master", "--repository=api", .. confirm, argument, $"--report={ReportPath}"]);

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.Equal(8, (await Registry.GetStateAsync()).Repository("api").AllTags.Count);
        Assert.False(File.Exists(ReportPath), "A report was written: the run started.");
    }
}
