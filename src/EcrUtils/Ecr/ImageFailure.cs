namespace EcrUtils.Ecr;

/// <summary>A per-image failure that a batch call reported.</summary>
/// <param name="ImageId">The id as it was sent.</param>
/// <param name="Code">ECR's failure code, e.g. <c>ImageNotFound</c>.</param>
/// <param name="Reason">ECR's explanation.</param>
public sealed record ImageFailure(ImageId ImageId, string Code, string Reason)
{
    /// <summary>The image or tag does not exist (for a removal: already done).</summary>
    public const string ImageNotFound = "ImageNotFound";

    /// <summary>The tag points at another digest than the one given.</summary>
    public const string ImageTagDoesNotMatchDigest = "ImageTagDoesNotMatchDigest";

    /// <summary>The manifest is still referenced by an image index.</summary>
    public const string ImageReferencedByManifestList = "ImageReferencedByManifestList";
}
