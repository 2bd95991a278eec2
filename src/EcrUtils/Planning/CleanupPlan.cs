namespace EcrUtils.Planning;

/// <summary>The children and companions of the images that go, in one repository: those that go too and those kept.</summary>
/// <param name="Decisions">One decision per child or companion, in the order of deletion.</param>
public sealed record CleanupPlan(IReadOnlyList<RelatedImageDecision> Decisions)
{
    /// <summary>A plan with nothing to do.</summary>
    public static CleanupPlan Empty { get; } = new([]);

    /// <summary>The children and companions that are deleted.</summary>
    public IReadOnlyList<RelatedImageDecision> Deletions => [.. Decisions.Where(d => d.Deletes)];

    /// <summary>The deletions grouped by wave, first wave first: each wave waits until the one before is done.</summary>
    public IReadOnlyList<IReadOnlyList<RelatedImageDecision>> Waves =>
        [.. Deletions.GroupBy(d => d.Wave).OrderBy(g => g.Key).Select(g => (IReadOnlyList<RelatedImageDecision>)[.. g])];

    /// <summary>The size of what is deleted, as ECR reports each image.</summary>
    public long BytesReclaimed => Deletions.Sum(d => d.Image.SizeInBytes);
}
