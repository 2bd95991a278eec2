namespace EcrUtils.Ecr;

/// <summary>The outcome of BatchGetImage calls.</summary>
public sealed record BatchGetImageResult(IReadOnlyList<ImageManifest> Images, IReadOnlyList<ImageFailure> Failures);
