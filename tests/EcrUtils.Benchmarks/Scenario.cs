namespace EcrUtils.Benchmarks;

/// <summary>A benchmark case: a registry shape and the task run over it.</summary>
internal sealed record Scenario(string Name, string Task, int Repositories, int ImagesPerRepository, int LatencyMs, int MaxParallel)
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("200 repos x 100 images, DeleteOldestImages", "DeleteOldestImages", 200, 100, 30, 4),
        new("200 repos x 100 images, GetLatestImages", "GetLatestImages", 200, 100, 30, 4),
        new("1 repo x 20,000 images, DeleteOldestImages", "DeleteOldestImages", 1, 20_000, 30, 4),
        new("1 repo x 20,000 images, GetLatestImages", "GetLatestImages", 1, 20_000, 30, 4),
        new("1 repo x 100,000 images, DeleteOldestImages (memory)", "DeleteOldestImages", 1, 100_000, 0, 4),
        new("1 repo x 20,000 images, no latency (CPU only)", "DeleteOldestImages", 1, 20_000, 0, 4),
    ];

    public const int Keep = 2;

    /// <summary>The fewest calls the API allows: the repository list, the pages, and the deletion batches.</summary>
    public int LowerBoundCalls => 1 + (Repositories * (Pages + Batches));

    /// <summary>
    /// The critical path at this latency: the repository list, then each repository's pages one after the other (a page
    /// needs the previous page's token) and its deletion batches, spread over the calls that may be in flight at once.
    /// </summary>
    public TimeSpan LatencyBound
    {
        get
        {
            var rounds = Repositories >= MaxParallel
                ? Math.Ceiling(Repositories * (Pages + Batches) / (double)MaxParallel)
                : Pages + Math.Ceiling(Batches / (double)MaxParallel);
            return TimeSpan.FromMilliseconds(LatencyMs * (1 + rounds));
        }
    }

    private int Pages => Math.Max(1, (ImagesPerRepository + 999) / 1000);

    private int Batches => Task == "GetLatestImages" ? 0 : (Math.Max(0, ImagesPerRepository - Keep) + 99) / 100;
}
