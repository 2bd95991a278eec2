using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// Builds image manifests and indexes. Each one is unique (a nonce annotation), because a registry
/// stores one image per manifest: pushing the same manifest twice only adds tags.
/// </summary>
public static class TestManifests
{
    private static readonly string s_runId = Guid.NewGuid().ToString("N")[..12];
    private static long s_counter;

    /// <summary>An image manifest; moto reports <paramref name="sizeInBytes"/> as the image's size.</summary>
    public static TestManifest Image(
        long sizeInBytes = 1024, string mediaType = MediaTypes.OciManifest, string? platform = null)
    {
        var docker = mediaType == MediaTypes.DockerManifest;
        var nonce = NextNonce();
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = mediaType,
            // moto takes the image size from the config's size field.
            ["config"] = Descriptor(docker ? MediaTypes.DockerConfig : MediaTypes.OciConfig, FakeDigest("config", nonce), sizeInBytes),
            ["layers"] = new JsonArray(Descriptor(docker ? MediaTypes.DockerLayer : MediaTypes.OciLayer, FakeDigest("layer", nonce), sizeInBytes)),
            ["annotations"] = Annotations(nonce, platform),
        };
        return new TestManifest(manifest.ToJsonString(), mediaType);
    }

    /// <summary>
    /// An OCI image index or Docker manifest list over <paramref name="children"/>; the children
    /// of a Docker list should be Docker manifests.
    /// </summary>
    public static TestManifest Index(IReadOnlyList<TestManifest> children, string mediaType = MediaTypes.OciIndex)
    {
        ArgumentNullException.ThrowIfNull(children);
        var manifests = new JsonArray();
        foreach (var child in children)
        {
            var descriptor = Descriptor(child.MediaType, child.Digest, child.Size);
            descriptor["platform"] = Platform(PlatformOf(child));
            manifests.Add(descriptor);
        }

        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = mediaType,
            ["manifests"] = manifests,
            ["annotations"] = Annotations(NextNonce(), platform: null),
        };
        return new TestManifest(index.ToJsonString(), mediaType);
    }

    /// <summary>The tag cosign gives a signature (<c>sig</c>), attestation (<c>att</c>) or SBOM of <paramref name="digest"/>.</summary>
    public static string CompanionTag(string digest, string kind = "sig")
    {
        ArgumentNullException.ThrowIfNull(digest);
        return $"{digest.Replace(':', '-')}.{kind}";
    }

    /// <summary>The media type of a child of an index of <paramref name="indexMediaType"/>.</summary>
    public static string ChildMediaType(string indexMediaType) =>
        indexMediaType == MediaTypes.DockerManifestList ? MediaTypes.DockerManifest : MediaTypes.OciManifest;

    private static JsonObject Descriptor(string mediaType, string digest, long size) => new()
    {
        ["mediaType"] = mediaType,
        ["digest"] = digest,
        ["size"] = size,
    };

    private static JsonObject Annotations(string nonce, string? platform)
    {
        var annotations = new JsonObject { ["ecrutils.test/nonce"] = nonce };
        if (platform is not null)
        {
            annotations["ecrutils.test/platform"] = platform;
        }

        return annotations;
    }

    private static JsonObject Platform(string platform)
    {
        var parts = platform.Split('/');
        return new JsonObject { ["os"] = parts[0], ["architecture"] = parts.Length > 1 ? parts[1] : "amd64" };
    }

    private static string PlatformOf(TestManifest child)
    {
        using var document = JsonDocument.Parse(child.Json);
        return document.RootElement.TryGetProperty("annotations", out var annotations)
            && annotations.TryGetProperty("ecrutils.test/platform", out var platform)
            ? platform.GetString() ?? "linux/amd64"
            : "linux/amd64";
    }

    private static string NextNonce() => $"{s_runId}-{Interlocked.Increment(ref s_counter)}";

    private static string FakeDigest(string kind, string nonce) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{nonce}")));
}
