namespace EcrUtils.IntegrationTests;

/// <summary>
/// An image to push: <paramref name="Manifest"/> under every tag in <paramref name="Tags"/> (none for
/// an untagged image). <paramref name="PushedAt"/> is the push time of a new image (moto's clock, in
/// whole seconds, when null); as in ECR, pushing a stored manifest again only adds tags and keeps
/// its push time (change that with <see cref="MotoRegistry.SetPushedAtAsync"/>), and restores it if
/// it was archived. <paramref name="Status"/> (see <see cref="ImageStatuses"/>; ACTIVE when null) is
/// set after the push, archived at <paramref name="LastArchivedAt"/> (the launcher's archival clock
/// when null); <paramref name="LastRecordedPullTime"/> is what DescribeImages reports as the last pull.
/// </summary>
public sealed record SeedImage(
    string Repository,
    TestManifest Manifest,
    IReadOnlyList<string> Tags,
    DateTimeOffset? PushedAt = null,
    string? Status = null,
    DateTimeOffset? LastRecordedPullTime = null,
    DateTimeOffset? LastArchivedAt = null);
