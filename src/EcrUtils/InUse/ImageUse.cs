namespace EcrUtils.InUse;

/// <summary>One image reference that a workload uses.</summary>
/// <param name="Reference">The image.</param>
/// <param name="UsedBy">Who uses it, for people: <c>cluster/service</c> for ECS, <c>function:alias</c> for Lambda.</param>
public sealed record ImageUse(ImageReference Reference, string UsedBy);
