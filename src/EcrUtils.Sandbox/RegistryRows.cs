using System.Text.Json;

namespace EcrUtils.Sandbox;

/// <summary>Orders a repository's images for display: newest first, each index followed by the images it lists.</summary>
internal static class RegistryRows
{
    public static IReadOnlyList<RegistryRow> Of(RepositoryState repository)
    {
        var byDigest = repository.Images.ToDictionary(i => i.Digest, StringComparer.Ordinal);
        var children = repository.Images.ToDictionary(i => i.Digest, ChildrenOf, StringComparer.Ordinal);
        var listed = children.Values.SelectMany(c => c).Select(c => c.Digest).ToHashSet(StringComparer.Ordinal);
        var rows = new List<RegistryRow>();
        foreach (var image in repository.Images.Where(i => !listed.Contains(i.Digest)).OrderByDescending(i => i.PushedAt).ThenBy(i => i.Digest, StringComparer.Ordinal))
        {
            var platforms = children[image.Digest].Where(c => byDigest.ContainsKey(c.Digest)).ToList();
            var size = platforms.Count > 0 ? platforms.Sum(c => byDigest[c.Digest].Size ?? 0) : image.Size ?? 0;
            rows.Add(Row(image, size, platforms.Count > 0 ? $"index, {platforms.Count} platforms" : string.Empty, isChild: false));
            rows.AddRange(platforms.Select(c => byDigest[c.Digest]).Select((child, i) => Row(child, child.Size ?? 0, platforms[i].Platform, isChild: true)));
        }

        return rows;
    }

    private static RegistryRow Row(ImageState image, long size, string note, bool isChild) =>
        new(image.Digest, image.Tags, Time(image.PushedAt), size, note, isChild, image.Status, image.LastRecordedPullTime is { } pulledAt ? Time(pulledAt) : null);

    private static DateTimeOffset Time(double epochSeconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)(epochSeconds * 1000));

    // An index (OCI image index or Docker manifest list) names its children in "manifests".
    private static IReadOnlyList<(string Digest, string Platform)> ChildrenOf(ImageState image)
    {
        try
        {
            using var document = JsonDocument.Parse(image.Manifest);
            if (!document.RootElement.TryGetProperty("manifests", out var manifests) || manifests.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. manifests.EnumerateArray()
                .Where(m => m.TryGetProperty("digest", out _))
                .Select(m => (m.GetProperty("digest").GetString() ?? string.Empty, Platform(m)))];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Platform(JsonElement descriptor) =>
        descriptor.TryGetProperty("platform", out var platform)
            && platform.TryGetProperty("os", out var os)
            && platform.TryGetProperty("architecture", out var architecture)
            ? $"{os.GetString()}/{architecture.GetString()}"
            : "child";
}
