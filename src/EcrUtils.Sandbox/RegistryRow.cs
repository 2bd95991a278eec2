namespace EcrUtils.Sandbox;

/// <summary>One image of a repository as the sandbox shows it; a child of an index comes right after its index.</summary>
/// <param name="Digest">The manifest digest.</param>
/// <param name="Tags">Its tags, sorted.</param>
/// <param name="PushedAt">When it was pushed.</param>
/// <param name="Size">Its size; for an index, the sum of its children.</param>
/// <param name="Note">What kind of image it is, e.g. "index, 2 platforms" or "linux/arm64"; empty for a plain image.</param>
/// <param name="IsChild">Whether it is listed by an index shown above it.</param>
/// <param name="Status">Its image status: ACTIVE, ARCHIVED or ACTIVATING.</param>
/// <param name="LastPull">When ECR last recorded a pull of it; null if never.</param>
internal sealed record RegistryRow(
    string Digest, IReadOnlyList<string> Tags, DateTimeOffset PushedAt, long Size, string Note, bool IsChild, string Status, DateTimeOffset? LastPull);
