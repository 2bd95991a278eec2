namespace EcrUtils.Ecr;

/// <summary>ECR's answer to moving one image between storage classes (archiving or restoring it).</summary>
/// <param name="Id">The id as it was sent.</param>
/// <param name="Digest">The image's digest, as ECR names it (or as sent).</param>
/// <param name="Status">The image's status now: <c>ARCHIVED</c> after archiving, <c>ACTIVATING</c> after a restore.</param>
public sealed record ImageStatusChange(ImageId Id, string? Digest, string Status);
