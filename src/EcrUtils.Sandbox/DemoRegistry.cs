namespace EcrUtils.Sandbox;

/// <summary>
/// The sandbox's registry: three repositories of a project, the long-lived environment <c>automation-master</c> and
/// two short-lived branch environments, floating <c>latest</c> tags, an image shared by two environments, multi-arch
/// images (an index with untagged children per platform) and a cosign signature, pushed over the last twelve days; an
/// archived master build, and recorded pulls of the builds in use and of the archived one (the others were never pulled).
/// Two more branch environments were pushed two months ago: one never pulled since (stale), one pulled yesterday.
/// </summary>
internal static class DemoRegistry
{
    public const string MasterEnvironment = "automation-master";
    public const string BranchEnvironment = "automation-3f2a9c1d";
    public const string OtherBranchEnvironment = "automation-7b41e0c2";

    /// <summary>A branch environment nobody pushed to or pulled from for two months: ListEnvironments --stale-after=30d finds it stale.</summary>
    public const string AbandonedEnvironment = "automation-5e1d0a9b";

    /// <summary>A branch environment as old, but pulled yesterday: not stale.</summary>
    public const string PulledEnvironment = "automation-9c0ffee1";

    private const long MB = 1_000_000;
    private static readonly IReadOnlyDictionary<string, string> s_projectTags = new Dictionary<string, string> { ["Project"] = "automation" };

    public static SeedRequest Create(DateTimeOffset now, string region)
    {
        var images = new List<SeedImage>();
        void Push(string repository, DemoManifest manifest, DateTimeOffset pushedAt, params string[] tags) =>
            images.Add(new SeedImage(repository, manifest.Json, manifest.MediaType, tags, pushedAt.ToUnixTimeSeconds()));

        // Whole hours keep the push times readable.
        var today = new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour), TimeSpan.Zero);
        DateTimeOffset DaysAgo(double days) => today.AddDays(-days);

        // ECR records when an image was last pulled; a build in use was pulled lately.
        var pulls = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        void PulledAt(DemoManifest manifest, DateTimeOffset pulledAt) => pulls[manifest.Json] = pulledAt;

        // api: an archived master build (it cannot be pulled until restored: try archiving and restoring with the sandbox),
        // then five master builds; the branch environment was seeded from master-13, so that image carries both.
        var api10 = DemoManifests.Image("api-10", 181_900_000);
        images.Add(new SeedImage(
            "api", api10.Json, api10.MediaType, [$"{MasterEnvironment}-10"], DaysAgo(12).ToUnixTimeSeconds(),
            ImageStatuses.Archived, LastArchivedAt: DaysAgo(2).ToUnixTimeSeconds(), LastRecordedPullTime: DaysAgo(11).ToUnixTimeSeconds()));
        Push("api", DemoManifests.Image("api-11", 182_400_000), DaysAgo(9), $"{MasterEnvironment}-11");
        var api12 = DemoManifests.Image("api-12", 183_100_000);
        Push("api", api12, DaysAgo(7), $"{MasterEnvironment}-12");
        Push("api", DemoManifests.Signature(api12), DaysAgo(7).AddMinutes(2), DemoManifests.SignatureTag(api12));
        var api13 = DemoManifests.Image("api-13", 185_000_000);
        Push("api", api13, DaysAgo(5), $"{MasterEnvironment}-13", $"{BranchEnvironment}-1");
        PulledAt(api13, DaysAgo(1.5));
        var api14 = DemoManifests.Image("api-14", 184_700_000);
        Push("api", api14, DaysAgo(3), $"{MasterEnvironment}-14");
        PulledAt(api14, DaysAgo(2.5));
        Push("api", DemoManifests.Image("api-branch-2", 186_200_000), DaysAgo(2), $"{BranchEnvironment}-2", $"{BranchEnvironment}-latest");
        var api15 = DemoManifests.Image("api-15", 185_300_000);
        Push("api", api15, DaysAgo(1), $"{MasterEnvironment}-15", $"{MasterEnvironment}-latest");
        PulledAt(api15, DaysAgo(1.0 / 24));

        // web: multi-arch images; each index lists an untagged image per platform.
        foreach (var (build, days) in new[] { (7, 8.0), (8, 6.0), (9, 2.0) })
        {
            var (index, children) = DemoManifests.MultiArch($"web-{build}", 95 * MB + (build * MB), "linux/amd64", "linux/arm64");
            foreach (var child in children)
            {
                Push("web", child, DaysAgo(days).AddMinutes(-1));
            }

            Push("web", index, DaysAgo(days), build == 9 ? [$"{MasterEnvironment}-{build}", $"{MasterEnvironment}-latest"] : [$"{MasterEnvironment}-{build}"]);
            if (build == 9)
            {
                PulledAt(index, DaysAgo(0.25));
            }
        }

        Push("web", DemoManifests.Image("web-branch-1", 97 * MB), DaysAgo(4), $"{OtherBranchEnvironment}-1");
        Push("web", DemoManifests.Image("web-abandoned-1", 96 * MB), DaysAgo(60), $"{AbandonedEnvironment}-1");

        // worker: master keeps only two builds, so DeleteOldestImages finds nothing to remove here.
        Push("worker", DemoManifests.Image("worker-3", 64_500_000), DaysAgo(4), $"{MasterEnvironment}-3");
        Push("worker", DemoManifests.Image("worker-branch-1", 64_800_000), DaysAgo(3), $"{OtherBranchEnvironment}-1");
        Push("worker", DemoManifests.Image("worker-branch-2", 64_900_000), DaysAgo(1.5), $"{OtherBranchEnvironment}-2");
        var workerPulled = DemoManifests.Image("worker-pulled-1", 63_900_000);
        Push("worker", workerPulled, DaysAgo(60), $"{PulledEnvironment}-1");
        PulledAt(workerPulled, DaysAgo(1));
        var worker4 = DemoManifests.Image("worker-4", 65_100_000);
        Push("worker", worker4, DaysAgo(1), $"{MasterEnvironment}-4");
        PulledAt(worker4, DaysAgo(0.5));

        SeedRepository[] repositories = [new("api", s_projectTags), new("web", s_projectTags), new("worker", s_projectTags)];
        return new SeedRequest(
            region,
            repositories,
            [.. images.Select(i => pulls.TryGetValue(i.Manifest, out var pulledAt) ? i with { LastRecordedPullTime = pulledAt.ToUnixTimeSeconds() } : i)]);
    }
}
