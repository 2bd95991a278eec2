namespace EcrUtils.Operations;

/// <summary>One BatchDeleteImage call, classified: an <see cref="IdResult"/> for every id sent, in the order sent.</summary>
/// <param name="Ids">What the answer says of each id.</param>
public sealed record BatchOutcome(IReadOnlyList<IdResult> Ids);
