using EcrUtils.Ecr;

namespace EcrUtils.Planning;

/// <summary>What happens to a child or companion of an image that goes, and why.</summary>
/// <param name="Image">The child or companion image.</param>
/// <param name="Kind">Child manifest or companion.</param>
/// <param name="Parent">The digest it belongs to: its index (child) or the image it signs or describes (companion).</param>
/// <param name="Root">The digest of the planned image it goes with, under which reports show it.</param>
/// <param name="Deletes">Whether it is deleted; false when it is kept (see <paramref name="Reason"/>).</param>
/// <param name="Wave">
/// The order of deletion, from 1: an image is deleted only after everything in <paramref name="DependsOn"/>, so that
/// an index always goes before its children.
/// </param>
/// <param name="DependsOn">The digests that must be gone first: every index that lists a child, or a companion's subject.</param>
/// <param name="Reason">A short explanation for people.</param>
public sealed record RelatedImageDecision(
    EcrImage Image,
    RelatedImageKind Kind,
    string Parent,
    string Root,
    bool Deletes,
    int Wave,
    IReadOnlyList<string> DependsOn,
    string Reason)
{
    /// <summary>
    /// Whether it is archived with the index it belongs to (<c>--archive</c>: a child that would have been deleted with
    /// its index); such a decision deletes nothing.
    /// </summary>
    public bool Archives { get; init; }

    /// <summary>
    /// How it is deleted: a child (untagged) by its digest, a companion by each of its tags, so that a tag added while
    /// the run goes survives, as everywhere else. Empty when it is kept.
    /// </summary>
    /// <exception cref="InvalidOperationException">A child to delete has tags: deleting it by digest would take them along.</exception>
    public IReadOnlyList<ImageId> ImageIds =>
        !Deletes ? []
        : Kind == RelatedImageKind.Companion ? [.. Image.Tags.Select(ImageId.ForTag)]
        : Image.Tags.Count == 0 ? [ImageId.ForDigest(Image.Digest)]
        : throw new InvalidOperationException($"The child {Image.Digest} has tags ({string.Join(", ", Image.Tags)}) and must not be deleted by digest.");
}
