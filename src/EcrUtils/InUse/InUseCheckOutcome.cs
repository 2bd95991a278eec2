namespace EcrUtils.InUse;

/// <summary>The outcome of a deletion run's in-use check.</summary>
/// <param name="Status">Whether it ran.</param>
/// <param name="Found">What it found, when it ran.</param>
/// <param name="Message">Why it was off or failed.</param>
public sealed record InUseCheckOutcome(InUseCheckStatus Status, InUseImages? Found, string? Message);
