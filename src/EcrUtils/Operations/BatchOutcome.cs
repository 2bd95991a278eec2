namespace EcrUtils.Operations;

/// <summary>One BatchDeleteImage call, classified: an <see cref="IdResult"/> for every id sent, in the order sent.</summary>
/// <param name="Ids">What the answer says of each id.</param>
public sealed record BatchOutcome(IReadOnlyList<IdResult> Ids)
{
    /// <summary>How many of the ids sent by tag are no longer in the registry (removed now, moved or already gone).</summary>
    public int TagsGone => Ids.Count(r => r.Id.Tag is not null && r.IsGone);
}
