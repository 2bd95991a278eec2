using System.Text.Json;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// The retention arguments and RestoreImages end to end through ./build.sh against moto, whose archival, statuses
/// and pull times the project's launcher emulates as AWS documents them. Times are relative to now: the tool measures
/// ages from its own clock.
/// </summary>
[Collection(MotoCollectionDefinition.Name)]
public sealed class RetentionTaskTests(MotoServer server) : TaskTest(server)
{
    private static readonly DateTimeOffset s_now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task OlderThan_KeepsWhatWasPushedWithinIt_OnTopOfTheNewest()
    {
        var digests = await SeedAsync(pushedDaysAgo: [40, 30, 20, 3, 1]);

        var result = await RunAsync("--target=DeleteOldestImages", "--environment=automation-master", "--repository=api", "--keep=1", "--older-than=14d");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["automation-master-4", "automation-master-5"], (await Registry.GetStateAsync()).Repository("api").AllTags);
        Assert.Contains("Removed 3 tags in 1 repository", result.StandardOutput, StringComparison.Ordinal);
        var kept = ReportImage(digests["automation-master-4"]);
        Assert.StartsWith("pushed ", kept.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("3 days ago: not older than 14d (--older-than)", kept.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("14d", Report().RootElement.GetProperty("settings").GetProperty("olderThan").GetString());
    }

    [Fact]
    public async Task KeepPulledWithin_KeepsAnOldImagePulledRecently_NotOneNeverPulled()
    {
        var digests = await SeedAsync(pushedDaysAgo: [40, 30, 20, 10]);
        await Registry.SetLastRecordedPullTimeAsync("api", digests["automation-master-1"], s_now.AddHours(-30));
        await Registry.SetLastRecordedPullTimeAsync("api", digests["automation-master-2"], s_now.AddDays(-5));

        var result = await RunAsync("--target=DeleteAllImages", "--environment=automation-master", "--repository=api", "--confirm=automation-master", "--keep-pulled-within=2d");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["automation-master-1"], (await Registry.GetStateAsync()).Repository("api").AllTags);
        Assert.EndsWith("1 day ago (--keep-pulled-within=2d)", ReportImage(digests["automation-master-1"]).GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_ThenRestoreWithWait_BringsTheImageBack_AndARerunArchivesNothingMore()
    {
        var digests = await SeedAsync(pushedDaysAgo: [40, 30, 20, 10]);

        var archived = await RunAsync("--target=DeleteOldestImages", "--environment=automation-master", "--repository=api", "--archive");

        Assert.True(archived.ExitCode == 0, archived.ToString());
        var api = (await Registry.GetStateAsync()).Repository("api");
        Assert.Equal(4, api.Images.Count);
        Assert.Equal(["ARCHIVED", "ARCHIVED", "ACTIVE", "ACTIVE"], api.Images.OrderBy(i => i.Tags[0], StringComparer.Ordinal).Select(i => i.Status));
        Assert.Contains("Archived 2 images (", archived.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("ECR bills archived images for at least 90 days; RestoreImages brings them back.", archived.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(("archive", "archived"), (ReportImage(digests["automation-master-1"]).GetProperty("action").GetString(), ReportImage(digests["automation-master-1"]).GetProperty("outcome").GetString()));

        var again = await RunAsync("--target=DeleteOldestImages", "--environment=automation-master", "--repository=api", "--archive");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Nothing to archive in 1 repository", again.StandardOutput, StringComparison.Ordinal);

        await Registry.SetActivationDelayAsync(TimeSpan.FromSeconds(1));
        var restored = await RunAsync("--target=RestoreImages", "--environment=automation-master", "--repository=api", "--image-tag=automation-master-1", "--wait");

        Assert.True(restored.ExitCode == 0, restored.ToString());
        Assert.Contains("Restored 1 image of automation-master in 1 repository: they can be pulled.", restored.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("ACTIVE", (await Registry.GetStateAsync()).Repository("api").ImageByDigest(digests["automation-master-1"])!.Status);
        var entry = Report().RootElement.GetProperty("restoredImages").EnumerateArray().Single();
        Assert.Equal((digests["automation-master-1"], "active"), (entry.GetProperty("digest").GetString(), entry.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Restore_ThatOutlastsTheWait_ExitsWithItsOwnCode_AndATagNoImageHolds_IsAMissingImage()
    {
        var digests = await SeedAsync(pushedDaysAgo: [40, 30]);
        await Registry.SetImageStatusAsync("api", digests["automation-master-1"], "ARCHIVED");
        await Registry.SetActivationDelayAsync(TimeSpan.FromMinutes(10));

        var slow = await RunAsync("--target=RestoreImages", "--environment=automation-master", "--repository=api", "--all-archived", "--wait", "--wait-timeout=3s");
        var missing = await RunAsync("--target=RestoreImages", "--environment=automation-master", "--repository=api", "--image-tag=automation-master-9");

        Assert.True(slow.ExitCode == ExitCodes.RestoreTimedOut, slow.ToString());
        Assert.Contains("Still restoring 1 image of automation-master when --wait-timeout passed", slow.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("ACTIVATING", (await Registry.GetStateAsync()).Repository("api").ImageByDigest(digests["automation-master-1"])!.Status);
        Assert.True(missing.ExitCode == ExitCodes.MissingImages, missing.ToString());
        Assert.Contains("No image of the scope holds 'automation-master-9'", missing.StandardError + missing.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAll_WithoutArchive_TearsArchivedImagesDownToo_AndSaysWhenThatIsBilledEarly()
    {
        var digests = await SeedAsync(pushedDaysAgo: [40, 30]);
        await Registry.SetImageStatusAsync("api", digests["automation-master-1"], "ARCHIVED", s_now.AddDays(-10));

        var result = await RunAsync("--target=DeleteAllImages", "--environment=automation-master", "--repository=api", "--confirm=automation-master");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty((await Registry.GetStateAsync()).Repository("api").Images);
        Assert.Contains("deleting it now is billed for the rest of its 90 days in the archive", ReportImage(digests["automation-master-1"]).GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLatest_NamesANewerArchivedImage_AndTheWayBack()
    {
        var digests = await SeedAsync(pushedDaysAgo: [40, 30]);
        await Registry.SetImageStatusAsync("api", digests["automation-master-2"], "ARCHIVED");
        await Registry.SetLastRecordedPullTimeAsync("api", digests["automation-master-1"], s_now.AddDays(-1));

        var result = await RunAsync("--target=GetLatestImages", "--environment=automation-master", "--repository=api");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(
            $"  api: a newer image of automation-master, automation-master-2 ({digests["automation-master-2"]}), is archived: ./build.sh --target=RestoreImages --environment=automation-master --repository=api --image-tag=automation-master-2 --wait brings it back.",
            result.StandardOutput,
            StringComparison.Ordinal);
        var latest = Report().RootElement.GetProperty("latestImages")[0];
        Assert.Equal(("automation-master-1", "automation-master-2"), (latest.GetProperty("tag").GetString(), latest.GetProperty("newerArchivedTag").GetString()));
        Assert.Equal(JsonValueKind.String, latest.GetProperty("lastRecordedPullTime").ValueKind);
    }

    [Theory]
    [InlineData("--older-than=abc", "DeleteOldestImages", "--older-than=abc is not a duration")]
    [InlineData("--keep-pulled-within=7x", "DeleteOldestImages", "--keep-pulled-within=7x is not a duration")]
    [InlineData("--archive", "GetLatestImages", "--archive applies to DeleteOldestImages and DeleteAllImages only")]
    [InlineData("--older-than=14d", "GetLatestImages", "--older-than applies to DeleteOldestImages and DeleteAllImages only")]
    [InlineData("--wait", "RestoreImages", "pass --image-tag=<tag> (repeatable) or --all-archived")]
    [InlineData("--image-tag=automation-master-1", "DeleteOldestImages", "--image-tag applies to RestoreImages only")]
    public async Task BadRetentionArguments_AreUsageErrors_BeforeAnyChange(string argument, string task, string message)
    {
        await SeedAsync(pushedDaysAgo: [40, 30, 20]);

        var result = await RunAsync($"--target={task}", "--environment=automation-master", "--repository=api", argument);

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains(message, result.StandardError + result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(3, (await Registry.GetStateAsync()).Repository("api").Images.Count);
    }

    // automation-master-1 … -N in repository api, pushed the given number of days ago (oldest first).
    private async Task<Dictionary<string, string>> SeedAsync(int[] pushedDaysAgo)
    {
        await Registry.CreateRepositoryAsync("api");
        var digests = new Dictionary<string, string>();
        for (var i = 0; i < pushedDaysAgo.Length; i++)
        {
            var tag = $"automation-master-{i + 1}";
            digests[tag] = await Registry.PushImageAsync("api", [tag], s_now.AddDays(-pushedDaysAgo[i]), sizeInBytes: 1_000_000);
        }

        return digests;
    }

    private JsonDocument Report() => JsonDocument.Parse(File.ReadAllText(ReportPath));

    private JsonElement ReportImage(string digest) =>
        Report().RootElement.GetProperty("repositories")[0].GetProperty("images").EnumerateArray()
            .Single(i => i.GetProperty("digest").GetString() == digest).Clone();
}
