namespace EcrUtils.Images;

/// <summary>Builds the references that <c>docker pull</c> accepts for an image of a repository.</summary>
public static class ImageReferences
{
    /// <summary>The reference by tag, <c>repositoryUri:tag</c>.</summary>
    /// <param name="repositoryUri">The repository URI, e.g. <c>123456789012.dkr.ecr.eu-west-1.amazonaws.com/api</c>.</param>
    /// <param name="tag">The image tag.</param>
    public static string TagUri(string repositoryUri, string tag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryUri);
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        return $"{repositoryUri}:{tag}";
    }

    /// <summary>The reference pinned by digest, <c>repositoryUri@sha256:…</c>.</summary>
    /// <param name="repositoryUri">The repository URI, e.g. <c>123456789012.dkr.ecr.eu-west-1.amazonaws.com/api</c>.</param>
    /// <param name="digest">The manifest digest, <c>sha256:…</c>.</param>
    public static string DigestUri(string repositoryUri, string digest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryUri);
        ArgumentException.ThrowIfNullOrWhiteSpace(digest);
        return $"{repositoryUri}@{digest}";
    }
}
