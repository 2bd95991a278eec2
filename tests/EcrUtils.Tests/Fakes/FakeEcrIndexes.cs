using System.Text.Json.Nodes;
using EcrUtils.Planning;

namespace EcrUtils.Tests.Fakes;

/// <summary>Pushes multi-arch images into a <see cref="FakeEcr"/>: untagged children first, then the index, as a registry receives them.</summary>
internal static class FakeEcrIndexes
{
    /// <summary>Pushes an index over <paramref name="children"/> (digests already pushed, or pushed now untagged); returns its digest.</summary>
    public static string AddIndex(
        this FakeEcr ecr,
        string repository,
        string seed,
        IReadOnlyList<string> tags,
        DateTimeOffset pushedAt,
        IReadOnlyList<string> children,
        string mediaType = ManifestIndex.OciIndexMediaType,
        long sizeInBytes = 1_000_000)
    {
        var existing = ecr.Images(repository).Select(i => i.Digest).ToHashSet(StringComparer.Ordinal);
        foreach (var child in children.Where(c => !existing.Contains(c)))
        {
            ecr.AddImage(repository, child, [], pushedAt, sizeInBytes);
        }

        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = mediaType,
            ["manifests"] = new JsonArray([.. children.Select(c => (JsonNode)new JsonObject { ["mediaType"] = FakeEcr.DockerManifestMediaType, ["digest"] = c, ["size"] = 500 })]),
            ["seed"] = seed,
        }.ToJsonString();
        var digest = FakeEcr.Digest(repository + "/index/" + seed);
        ecr.AddImage(repository, digest, tags, pushedAt, sizeInBytes, mediaType, manifest);
        return digest;
    }
}
