using EcrUtils.Ecr;

namespace EcrUtils.Planning;

/// <summary>What a plan does with one image, and why.</summary>
/// <param name="Image">The image.</param>
/// <param name="Action">Whether the image is kept or loses tags.</param>
/// <param name="TagsToRemove">The tags to remove, each by tag alone; empty when the image is kept.</param>
/// <param name="Reason">A short explanation for people, e.g. <c>one of the 2 newest</c>.</param>
public sealed record ImageDecision(EcrImage Image, ImageAction Action, IReadOnlyList<string> TagsToRemove, string Reason)
{
    /// <summary>
    /// Whether the image itself goes: ECR deletes an image when its last tag is removed, so this is true when
    /// the image is removed from the environment and holds no other tags.
    /// </summary>
    public bool DeletesImage =>
        Action == ImageAction.Remove && TagsToRemove.Count > 0 && Image.Tags.All(TagsToRemove.Contains);

    /// <summary>
    /// Who uses the image (ECS <c>cluster/service</c>, Lambda <c>function:alias</c>), as the in-use check found; empty
    /// when nothing does or the check was off. An image in use is always kept.
    /// </summary>
    public IReadOnlyList<string> InUseBy { get; init; } = [];

    /// <summary>The tags the image still holds after the plan ran.</summary>
    public IReadOnlyList<string> RemainingTags => [.. Image.Tags.Where(tag => !TagsToRemove.Contains(tag))];

    internal static ImageDecision Keep(EcrImage image, string reason) => new(image, ImageAction.Keep, [], reason);
}
