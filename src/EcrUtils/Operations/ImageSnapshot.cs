using EcrUtils.Ecr;

namespace EcrUtils.Operations;

/// <summary>Reads every image of a repository, page by page.</summary>
internal static class ImageSnapshot
{
    public static Task<IReadOnlyList<EcrImage>> ReadAsync(IEcrClient client, string? registryId, string repositoryName, CancellationToken cancellationToken) =>
        ReadAsync(client, registryId, repositoryName, onPage: null, cancellationToken);

    /// <summary>
    /// Reads every image; <paramref name="onPage"/> sees each page as it arrives, while the request for the next one is
    /// already on its way, so that work per image done there costs no time between pages.
    /// </summary>
    public static async Task<IReadOnlyList<EcrImage>> ReadAsync(
        IEcrClient client,
        string? registryId,
        string repositoryName,
        Action<IReadOnlyList<EcrImage>>? onPage,
        CancellationToken cancellationToken)
    {
        var images = new List<EcrImage>();
        await foreach (var page in client.DescribeImagesAsync(registryId, repositoryName, cancellationToken).ConfigureAwait(false))
        {
            images.AddRange(page);
            onPage?.Invoke(page);
        }

        return images;
    }
}
