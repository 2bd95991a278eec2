namespace EcrUtils.Tests.Fakes;

/// <summary>
/// An image's archival state and last recorded pull as the fake's DescribeImages reports them; the times are null
/// until the image is archived, restored or pulled.
/// </summary>
internal sealed record FakeEcrArchival(
    string Status, DateTimeOffset? LastArchivedAt, DateTimeOffset? LastActivatedAt, DateTimeOffset? LastRecordedPullTime);
