using EcrUtils.Ecr;

namespace EcrUtils.Operations;

internal static class ImageSnapshot
{
    public static async Task<IReadOnlyList<EcrImage>> ReadAsync(IEcrClient client, string? registryId, string repositoryName, CancellationToken cancellationToken)
    {
        var images = new List<EcrImage>();
        await foreach (var page in client.DescribeImagesAsync(registryId, repositoryName, cancellationToken).ConfigureAwait(false))
        {
            images.AddRange(page);
        }

        return images;
    }
}
