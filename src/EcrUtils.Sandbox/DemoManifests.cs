using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace EcrUtils.Sandbox;

/// <summary>
/// Manifests for the demo registry, shaped as Docker and cosign push them. Each is unique (a name annotation), because a
/// registry stores one image per manifest; moto takes an image's size from its config descriptor.
/// </summary>
internal static class DemoManifests
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    public static DemoManifest Image(string name, long sizeInBytes, string platform = "linux/amd64")
    {
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciManifest,
            ["config"] = Descriptor("application/vnd.oci.image.config.v1+json", BlobDigest("config", name, platform), sizeInBytes),
            ["layers"] = new JsonArray(Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", BlobDigest("layer", name, platform), sizeInBytes)),
            ["annotations"] = new JsonObject { ["org.opencontainers.image.title"] = name, ["ecrutils.sandbox/platform"] = platform },
        };
        return new DemoManifest(manifest.ToJsonString(), OciManifest);
    }

    /// <summary>A multi-arch image: an OCI image index over one image per platform.</summary>
    public static (DemoManifest Index, IReadOnlyList<DemoManifest> Children) MultiArch(string name, long sizeInBytes, params string[] platforms)
    {
        var children = platforms.Select(platform => Image(name, sizeInBytes, platform)).ToList();
        var descriptors = new JsonArray();
        foreach (var (child, platform) in children.Zip(platforms))
        {
            var descriptor = Descriptor(child.MediaType, child.Digest, child.Size);
            var parts = platform.Split('/');
            descriptor["platform"] = new JsonObject { ["os"] = parts[0], ["architecture"] = parts[^1] };
            descriptors.Add(descriptor);
        }

        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciIndex,
            ["manifests"] = descriptors,
            ["annotations"] = new JsonObject { ["org.opencontainers.image.title"] = name },
        };
        return (new DemoManifest(index.ToJsonString(), OciIndex), children);
    }

    /// <summary>A cosign-style signature of <paramref name="subject"/>, pushed under the tag <see cref="SignatureTag"/>.</summary>
    public static DemoManifest Signature(DemoManifest subject)
    {
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciManifest,
            ["config"] = Descriptor("application/vnd.oci.image.config.v1+json", BlobDigest("signature-config", subject.Digest, string.Empty), 233),
            ["layers"] = new JsonArray(Descriptor("application/vnd.dev.cosign.simplesigning.v1+json", BlobDigest("signature", subject.Digest, string.Empty), 248)),
        };
        return new DemoManifest(manifest.ToJsonString(), OciManifest);
    }

    /// <summary>The tag cosign gives the signature of <paramref name="subject"/>: <c>sha256-&lt;hex&gt;.sig</c>.</summary>
    public static string SignatureTag(DemoManifest subject) => subject.Digest.Replace(':', '-') + ".sig";

    private static JsonObject Descriptor(string mediaType, string digest, long size) => new()
    {
        ["mediaType"] = mediaType,
        ["digest"] = digest,
        ["size"] = size,
    };

    // Blobs are never uploaded (moto has no registry API); their digests only need to be stable and distinct.
    private static string BlobDigest(string kind, string name, string platform) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{name}:{platform}")));
}
