namespace EcrUtils.Operations;

/// <summary>What became of one image that was to be archived.</summary>
/// <param name="Digest">The image's digest.</param>
/// <param name="Status">Archived, failed or unconfirmed.</param>
/// <param name="Reason">Why it failed or is unconfirmed; null when it was archived.</param>
public sealed record ArchivalOutcome(string Digest, ArchivalStatus Status, string? Reason = null);
