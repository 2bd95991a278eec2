namespace EcrUtils.IntegrationTests;

/// <summary>
/// An image to push: <paramref name="Manifest"/> under every tag in <paramref name="Tags"/> (none for
/// an untagged image). <paramref name="PushedAt"/> is the push time of a new image (moto's clock, in
/// whole seconds, when null); as in ECR, pushing a stored manifest again only adds tags and keeps
/// its push time (change that with <see cref="MotoRegistry.SetPushedAtAsync"/>).
/// </summary>
public sealed record SeedImage(
    string Repository, TestManifest Manifest, IReadOnlyList<string> Tags, DateTimeOffset? PushedAt = null);
