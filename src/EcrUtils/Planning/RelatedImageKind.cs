namespace EcrUtils.Planning;

/// <summary>How an image relates to an image that a plan deletes.</summary>
public enum RelatedImageKind
{
    /// <summary>A child manifest of a deleted image index (one platform of a multi-arch image), deleted by digest.</summary>
    Child,

    /// <summary>A signature, attestation or SBOM stored under a companion tag of a deleted digest, deleted by tag.</summary>
    Companion,
}
