namespace EcrUtils.Reporting;

/// <summary>One image of a RestoreImages run in its report.</summary>
/// <param name="Repository">The repository name.</param>
/// <param name="Digest">The image digest.</param>
/// <param name="Tags">Its tags.</param>
/// <param name="PushedAt">When it was pushed.</param>
/// <param name="SizeInBytes">Its size.</param>
/// <param name="Status"><c>planned</c>, <c>activating</c>, <c>active</c>, <c>not-archived</c>, <c>already-activating</c> or <c>failed</c>.</param>
/// <param name="Message">Why it failed; null otherwise.</param>
public sealed record RestoredImageReport(
    string Repository,
    string Digest,
    IReadOnlyList<string> Tags,
    DateTimeOffset PushedAt,
    long SizeInBytes,
    string Status,
    string? Message);
