using EcrUtils.Ecr;

namespace EcrUtils.Operations;

/// <summary>One image of a RestoreImages run and where it stands.</summary>
/// <param name="Repository">Its repository.</param>
/// <param name="Image">The image as it was listed.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Message">Why it failed; null otherwise.</param>
public sealed record RestoreResult(EcrRepository Repository, EcrImage Image, RestoreStatus Status, string? Message = null);
