namespace EcrUtils.Operations;

/// <summary>What became of one child or companion.</summary>
/// <param name="Digest">Its digest.</param>
/// <param name="Status">Deleted, kept or failed.</param>
/// <param name="Reason">Why it was kept or failed; null when deleted.</param>
public sealed record RelatedImageOutcome(string Digest, RelatedImageStatus Status, string? Reason = null);
