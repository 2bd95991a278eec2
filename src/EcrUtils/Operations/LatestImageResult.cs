using EcrUtils.Ecr;
using EcrUtils.Images;
using EcrUtils.Planning;

namespace EcrUtils.Operations;

/// <summary>The newest image of the environment (or of the fallback environment) in one repository, if any.</summary>
/// <param name="Repository">The repository.</param>
/// <param name="Latest">The image and its tag; null when neither environment has an image there.</param>
/// <param name="Environment">The environment the image belongs to (the fallback one when <paramref name="IsFallback"/>).</param>
/// <param name="IsFallback">Whether the image was found through --fallback-environment.</param>
public sealed record LatestImageResult(EcrRepository Repository, LatestImage? Latest, string? Environment, bool IsFallback)
{
    /// <summary>
    /// The newest image of the environment that cannot be pulled (archived, or being restored), when it is newer than
    /// <see cref="Latest"/> or there is no <see cref="Latest"/>: RestoreImages brings it back.
    /// </summary>
    public LatestImage? NewerArchived { get; init; }

    /// <summary>Whether an image was found.</summary>
    public bool Found => Latest is not null;

    /// <summary>The image by tag, <c>repository-uri:tag</c>.</summary>
    public string? ImageUri => Latest is null ? null : ImageReferences.TagUri(Repository.Uri, Latest.Tag);

    /// <summary>The image pinned by digest, <c>repository-uri@sha256:…</c>: what a deploy step should use.</summary>
    public string? PinnedUri => Latest is null ? null : ImageReferences.DigestUri(Repository.Uri, Latest.Image.Digest);
}
