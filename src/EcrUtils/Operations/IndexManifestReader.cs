using EcrUtils.Ecr;
using EcrUtils.Planning;

namespace EcrUtils.Operations;

/// <summary>Reads the children of a repository's image indexes: one BatchGetImage call per 100 indexes, none per plain image.</summary>
internal static class IndexManifestReader
{
    /// <summary>
    /// <paramref name="known"/> plus the indexes among <paramref name="images"/> that it does not know yet. An index that
    /// could not be read (deleted since it was listed, or not a valid index) stays unknown, which keeps whatever it may list.
    /// </summary>
    public static async Task<IndexCatalog> ReadAsync(
        IEcrClient client, string? registryId, string repositoryName, IEnumerable<EcrImage> images, IndexCatalog known, CancellationToken cancellationToken)
    {
        var wanted = images
            .Where(ManifestIndex.IsIndex)
            .Select(image => image.Digest)
            .Where(digest => !known.Knows(digest))
            .ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return known;
        }

        var result = await client.BatchGetImageAsync(
            registryId,
            repositoryName,
            [.. wanted.Order(StringComparer.Ordinal).Select(ImageId.ForDigest)],
            ManifestIndex.AcceptedMediaTypes,
            cancellationToken).ConfigureAwait(false);
        var read = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var manifest in result.Images)
        {
            if (wanted.Contains(manifest.Digest) && ManifestIndex.TryReadChildren(manifest.Manifest) is { } children)
            {
                read[manifest.Digest] = children;
            }
        }

        return known.With(read);
    }
}
