namespace EcrUtils.IntegrationTests;

/// <summary>One repository as moto stores it; images are ordered by push time, then digest.</summary>
public sealed record RepositoryState(
    string Name, string Arn, string Uri, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<ImageState> Images)
{
    /// <summary>Every tag in the repository, sorted: the quickest thing to assert after a deletion.</summary>
    public IReadOnlyList<string> AllTags => [.. Images.SelectMany(image => image.Tags).Order(StringComparer.Ordinal)];

    public ImageState? ImageByTag(string tag) => Images.SingleOrDefault(image => image.Tags.Contains(tag));

    public ImageState? ImageByDigest(string digest) => Images.SingleOrDefault(image => image.Digest == digest);
}
