namespace EcrUtils.Operations;

/// <summary>What a RestoreImages run did.</summary>
/// <param name="Images">Every image it looked at, by repository and then newest first.</param>
/// <param name="MissingTags">Tags given with --image-tag that no image of the scope holds.</param>
/// <param name="TimedOut">With --wait: some image was still activating when --wait-timeout passed.</param>
public sealed record RestoreOutcome(IReadOnlyList<RestoreResult> Images, IReadOnlyList<string> MissingTags, bool TimedOut);
