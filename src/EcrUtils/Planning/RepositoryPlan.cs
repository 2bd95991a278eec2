namespace EcrUtils.Planning;

/// <summary>The decisions for the environment images of one repository, newest image first.</summary>
/// <param name="Decisions">One decision per environment image; other images never appear.</param>
public sealed record RepositoryPlan(IReadOnlyList<ImageDecision> Decisions)
{
    /// <summary>The images that lose tags.</summary>
    public IReadOnlyList<ImageDecision> Removals => [.. Decisions.Where(d => d.Action == ImageAction.Remove)];

    /// <summary>The images that are kept.</summary>
    public IReadOnlyList<ImageDecision> Kept => [.. Decisions.Where(d => d.Action == ImageAction.Keep)];

    /// <summary>The images archived instead of deleted (<c>--archive</c>).</summary>
    public IReadOnlyList<ImageDecision> Archivals => [.. Decisions.Where(d => d.Action == ImageAction.Archive)];

    /// <summary>How many images go entirely (lose their last tag).</summary>
    public int ImagesDeleted => Decisions.Count(d => d.DeletesImage);

    /// <summary>The size of the images that go entirely; images that keep other tags free nothing.</summary>
    public long BytesReclaimed => Decisions.Where(d => d.DeletesImage).Sum(d => d.Image.SizeInBytes);
}
