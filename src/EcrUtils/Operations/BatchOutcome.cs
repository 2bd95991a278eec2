namespace EcrUtils.Operations;

/// <summary>One BatchDeleteImage call, classified: an <see cref="IdResult"/> for every id sent, in the order sent.</summary>
/// <param name="Ids">What the answer says of each id.</param>
/// <param name="Answered">False when no answer came (the run was aborted, or the call failed in a way that leaves its effect unknown).</param>
public sealed record BatchOutcome(IReadOnlyList<IdResult> Ids, bool Answered = true);
