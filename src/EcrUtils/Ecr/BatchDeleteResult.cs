namespace EcrUtils.Ecr;

/// <summary>The outcome of BatchDeleteImage calls.</summary>
public sealed record BatchDeleteResult(IReadOnlyList<DeletedImage> Deleted, IReadOnlyList<ImageFailure> Failures);
