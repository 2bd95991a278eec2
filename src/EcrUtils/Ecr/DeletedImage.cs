namespace EcrUtils.Ecr;

/// <summary>What ECR reports as deleted: the tag that was removed (if any) and the digest it pointed at.</summary>
public sealed record DeletedImage(string? Tag, string? Digest);
