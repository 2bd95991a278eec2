namespace EcrUtils.Ecr;

/// <summary>A manifest that BatchGetImage returned.</summary>
/// <param name="Digest">The manifest digest.</param>
/// <param name="Tag">The tag it was asked by, if any.</param>
/// <param name="MediaType">The manifest media type.</param>
/// <param name="Manifest">The manifest, verbatim.</param>
public sealed record ImageManifest(string Digest, string? Tag, string? MediaType, string Manifest);
