namespace EcrUtils.IntegrationTests;

/// <summary>A multi-arch image: the index (tagged) and its child manifests (pushed untagged).</summary>
public sealed record PushedIndex(TestManifest Index, IReadOnlyList<TestManifest> Children)
{
    public string Digest => Index.Digest;

    public IReadOnlyList<string> ChildDigests => [.. Children.Select(child => child.Digest)];
}
