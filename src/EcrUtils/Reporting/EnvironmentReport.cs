namespace EcrUtils.Reporting;

/// <summary>One environment in the report of ListEnvironments.</summary>
/// <param name="Name">The environment's name.</param>
/// <param name="Repositories">The repositories that hold its images.</param>
/// <param name="Images">Images holding one of its tags.</param>
/// <param name="SharedImages">Those that another environment tags too.</param>
/// <param name="ReclaimableImages">What DeleteAllImages of it would delete (children and companions included).</param>
/// <param name="ReclaimableBytes">Their size.</param>
/// <param name="NewestPush">When its newest image was pushed.</param>
/// <param name="LastPull">The latest recorded pull of its images; null when ECR records none.</param>
/// <param name="InUse">Whether one of its images is in use (in-use check or in-use file).</param>
/// <param name="InUseBy">Who uses them.</param>
/// <param name="ArchivedImages">Its archived (or restoring) images.</param>
/// <param name="Protected">Whether one of its images holds a protected tag.</param>
/// <param name="Stale">Whether it looks abandoned (--stale-after).</param>
public sealed record EnvironmentReport(
    string Name,
    IReadOnlyList<string> Repositories,
    int Images,
    int SharedImages,
    int ReclaimableImages,
    long ReclaimableBytes,
    DateTimeOffset NewestPush,
    DateTimeOffset? LastPull,
    bool InUse,
    IReadOnlyList<string> InUseBy,
    int ArchivedImages,
    bool Protected,
    bool Stale);
