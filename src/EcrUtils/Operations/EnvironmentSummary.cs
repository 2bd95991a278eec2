namespace EcrUtils.Operations;

/// <summary>One environment of a registry, as ListEnvironments finds it across the repositories of the scope.</summary>
/// <param name="Name">The environment's name.</param>
/// <param name="Repositories">The repositories that hold its images, by name.</param>
/// <param name="Images">Images holding one of its tags.</param>
/// <param name="SharedImages">Those that another environment tags too.</param>
/// <param name="ReclaimableImages">What DeleteAllImages of the environment would delete: its images, children and companions.</param>
/// <param name="ReclaimableBytes">Their size, as ECR reports it.</param>
/// <param name="NewestPush">When its newest image was pushed.</param>
/// <param name="LastPull">The latest recorded pull of its images; null when ECR records none.</param>
/// <param name="InUseBy">Who uses its images (in-use check and in-use file); empty when nothing does.</param>
/// <param name="ArchivedImages">Its images that are archived (or being restored).</param>
/// <param name="Protected">Whether one of its images holds a protected tag.</param>
/// <param name="Stale">Whether it looks abandoned (see <see cref="ListEnvironmentsOperation"/>).</param>
public sealed record EnvironmentSummary(
    string Name,
    IReadOnlyList<string> Repositories,
    int Images,
    int SharedImages,
    int ReclaimableImages,
    long ReclaimableBytes,
    DateTimeOffset NewestPush,
    DateTimeOffset? LastPull,
    IReadOnlyList<string> InUseBy,
    int ArchivedImages,
    bool Protected,
    bool Stale);
