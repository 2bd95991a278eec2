using System.Text.Json;
using EcrUtils.Ecr;

namespace EcrUtils.Planning;

/// <summary>
/// Recognises image indexes (multi-arch images: an OCI image index or a Docker manifest list) and reads the digests
/// of the child manifests they list: https://github.com/opencontainers/image-spec/blob/main/image-index.md
/// </summary>
public static class ManifestIndex
{
    /// <summary>The media type of an OCI image index.</summary>
    public const string OciIndexMediaType = "application/vnd.oci.image.index.v1+json";

    /// <summary>The media type of a Docker manifest list.</summary>
    public const string DockerManifestListMediaType = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>The media type of an OCI image manifest.</summary>
    public const string OciManifestMediaType = "application/vnd.oci.image.manifest.v1+json";

    /// <summary>The media type of a Docker image manifest (schema 2).</summary>
    public const string DockerManifestMediaType = "application/vnd.docker.distribution.manifest.v2+json";

    /// <summary>
    /// What BatchGetImage is told to accept when it reads indexes: both index types, so that ECR answers each index as
    /// it was pushed, and both manifest types, so that an image whose type changed since DescribeImages is not a failure.
    /// </summary>
    public static IReadOnlyList<string> AcceptedMediaTypes { get; } =
        [OciIndexMediaType, DockerManifestListMediaType, OciManifestMediaType, DockerManifestMediaType];

    /// <summary>Whether <paramref name="image"/> is an image index, by the manifest media type ECR reports.</summary>
    public static bool IsIndex(EcrImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return IsIndexMediaType(image.ManifestMediaType);
    }

    /// <summary>Whether <paramref name="mediaType"/> is one of the two index media types.</summary>
    public static bool IsIndexMediaType(string? mediaType) =>
        string.Equals(mediaType, OciIndexMediaType, StringComparison.OrdinalIgnoreCase)
        || string.Equals(mediaType, DockerManifestListMediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The digests listed in the index's <c>manifests[].digest</c>, or <see langword="null"/> when
    /// <paramref name="manifest"/> is not an index document (not JSON, no <c>manifests</c> array, or an entry without
    /// a digest): callers must then treat the index's children as unknown, never as "none".
    /// </summary>
    public static IReadOnlyList<string>? TryReadChildren(string manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        try
        {
            using var document = JsonDocument.Parse(manifest);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("manifests", out var manifests)
                || manifests.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var children = new List<string>();
            foreach (var descriptor in manifests.EnumerateArray())
            {
                if (descriptor.ValueKind != JsonValueKind.Object
                    || !descriptor.TryGetProperty("digest", out var digest)
                    || digest.ValueKind != JsonValueKind.String
                    || string.IsNullOrEmpty(digest.GetString()))
                {
                    return null;
                }

                children.Add(digest.GetString()!);
            }

            return children;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
