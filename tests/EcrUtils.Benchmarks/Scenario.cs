using EcrUtils.Ecr;

namespace EcrUtils.Benchmarks;

/// <summary>
/// A benchmark case: a registry shape and the task run over it, at a latency, and optionally with a request quota per
/// API (<see cref="RateLimit"/>) that the simulated ECR enforces by throttling, or with the in-use check on over what
/// ECS and Lambda run (<see cref="InUse"/>), served by the same simulated server, or over the repositories that hold a
/// resource tag (<see cref="ByRepositoryTag"/>: every repository holds it, so each one's tags are read), or archiving
/// what it would delete (<see cref="Archive"/>: one UpdateImageStorageClass a call, as ECR has no batch form).
/// </summary>
internal sealed record Scenario(
    string Name,
    string Task,
    int Repositories,
    int ImagesPerRepository,
    int LatencyMs,
    int MaxParallel,
    ServiceRateLimit? RateLimit = null,
    InUseWorkload? InUse = null,
    bool ByRepositoryTag = false,
    bool Archive = false)
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("200 repos x 100 images, DeleteOldestImages", "DeleteOldestImages", 200, 100, 30, 4),
        new("200 repos x 100 images, GetLatestImages", "GetLatestImages", 200, 100, 30, 4),
        new("1 repo x 20,000 images, DeleteOldestImages", "DeleteOldestImages", 1, 20_000, 30, 4),
        new("1 repo x 20,000 images, GetLatestImages", "GetLatestImages", 1, 20_000, 30, 4),
        new("1 repo x 100,000 images, DeleteOldestImages (memory)", "DeleteOldestImages", 1, 100_000, 0, 4),
        new("1 repo x 20,000 images, no latency (CPU only)", "DeleteOldestImages", 1, 20_000, 0, 4),
        new("200 repos x 100 images, DeleteOldestImages, throttled at 20/s", "DeleteOldestImages", 200, 100, 30, 4, ServiceRateLimit.Documented),
        new("1 repo x 20,000 images, DeleteOldestImages, throttled at 20/s", "DeleteOldestImages", 1, 20_000, 30, 4, ServiceRateLimit.Documented),
        new(
            "20 repos x 100 images, DeleteOldestImages, in-use check on (ECS 4 clusters x 10 services, 20 Lambda functions)",
            "DeleteOldestImages", 20, 100, 30, 4, InUse: new InUseWorkload(4, 10, 20)),
        new("200 repos x 100 images, GetLatestImages, chosen by a repository tag", "GetLatestImages", 200, 100, 30, 4, ByRepositoryTag: true),
        new("10 repos x 100 images, DeleteOldestImages --archive", "DeleteOldestImages", 10, 100, 30, 4, Archive: true),
        new("200 repos x 100 images, ListEnvironments", "ListEnvironments", 200, 100, 30, 4),
        new("1 repo x 100,000 images, ListEnvironments (memory)", "ListEnvironments", 1, 100_000, 0, 4),
    ];

    /// <summary>The resource tag that <see cref="ByRepositoryTag"/> scenarios select repositories by.</summary>
    public const string RepositoryTag = "Project=automation";

    public const int Keep = 2;

    /// <summary>
    /// The fewest calls the APIs allow: the repository list, the pages, and the deletion batches, and the in-use check's
    /// reads of ECS and Lambda (<see cref="InUseWorkload.CallsByOperation"/>) when it is on.
    /// </summary>
    public int LowerBoundCalls => LowerBoundCallsByOperation.Sum(c => c.Calls);

    /// <summary><see cref="LowerBoundCalls"/> per operation (each has a quota of its own).</summary>
    public IReadOnlyList<(string Operation, int Calls)> LowerBoundCallsByOperation =>
    [
        (EcrOperation.DescribeRepositories, 1),
        (EcrOperation.DescribeImages, Repositories * Pages),
        (EcrOperation.BatchDeleteImage, Repositories * Batches),
        (EcrOperation.UpdateImageStorageClass, Repositories * Archivals),
        .. InUse?.CallsByOperation ?? [],
        .. ByRepositoryTag ? [(EcrOperation.ListTagsForResource, Repositories)] : Array.Empty<(string, int)>(),
    ];

    /// <summary>What the registry holds when the task has done everything it planned: the newest, and the older ones in use.</summary>
    public int ExpectedImagesLeft => Task is "GetLatestImages" or "ListEnvironments" || Archive
        ? Repositories * ImagesPerRepository
        : Repositories * Math.Min(ImagesPerRepository, Keep)
            + (InUse?.ImagesInUse(Repositories).Count(image => image.Image < ImagesPerRepository - Keep) ?? 0);

    /// <summary>
    /// The critical path at this latency: the repository list, then each repository's pages one after the other (a page
    /// needs the previous page's token) and its deletion batches, spread over the calls that may be in flight at once.
    /// With the in-use check on, the check goes alongside the repository list and the reading of the images, and only
    /// the planning waits for it: no run beats all the calls spread over the slots, nor the check's longest chain of
    /// calls that each need the one before (<see cref="InUseWorkload.LongestChain"/>) followed by a repository's
    /// deletion batches.
    /// </summary>
    public TimeSpan LatencyBound => LatencyBoundAt(LatencyMs);

    /// <summary>
    /// What the quota alone allows (zero without one): an operation's bucket is full when the run starts, so its n-th
    /// call cannot be admitted before (n - burst) / rate seconds, and is answered a latency later. The bound is the
    /// largest of these over the operations, with n the operation's calls in <see cref="LowerBoundCallsByOperation"/>;
    /// throttled attempts only add to it.
    /// </summary>
    public TimeSpan RateBound => RateLimit is not { } limit
        ? TimeSpan.Zero
        : LowerBoundCallsByOperation.Max(c => limit.TimeToAdmit(c.Calls)) + TimeSpan.FromMilliseconds(LatencyMs);

    /// <summary>The wall time no run can beat: the larger of <see cref="LatencyBound"/> and <see cref="RateBound"/>.</summary>
    public TimeSpan Bound => BoundAt(LatencyMs);

    /// <summary><see cref="Bound"/> if every call took <paramref name="latencyMs"/>.</summary>
    public TimeSpan BoundAt(double latencyMs)
    {
        var latencyBound = LatencyBoundAt(latencyMs);
        return latencyBound > RateBound ? latencyBound : RateBound;
    }

    private TimeSpan LatencyBoundAt(double latencyMs)
    {
        if (InUse is not null)
        {
            var spread = Math.Ceiling(LowerBoundCalls / (double)MaxParallel);
            var chain = InUse.LongestChain + Math.Ceiling(Batches / (double)MaxParallel);
            return TimeSpan.FromMilliseconds(latencyMs * Math.Max(spread, chain));
        }

        var rounds = Repositories >= MaxParallel
            ? Math.Ceiling(Repositories * (Pages + Batches + Archivals) / (double)MaxParallel)
            : Pages + Math.Ceiling((Batches + Archivals) / (double)MaxParallel);
        // A repository's tags are read before it is worked on: all of them over the slots, before the first page.
        var tagRounds = ByRepositoryTag ? Math.Ceiling(Repositories / (double)MaxParallel) : 0;
        return TimeSpan.FromMilliseconds(latencyMs * (1 + tagRounds + rounds));
    }

    private int Pages => Math.Max(1, (ImagesPerRepository + 999) / 1000);

    // Counted without the images kept in use, which do not change it in the in-use scenario (94 tag removals a
    // repository instead of 98: one batch either way).
    private int Batches => Task is "GetLatestImages" or "ListEnvironments" || Archive ? 0 : (Math.Max(0, ImagesPerRepository - Keep) + 99) / 100;

    // With --archive, one call per image that would have been deleted.
    private int Archivals => Archive ? Math.Max(0, ImagesPerRepository - Keep) : 0;
}
