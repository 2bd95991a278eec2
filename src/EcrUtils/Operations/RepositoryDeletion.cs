using EcrUtils.Ecr;
using EcrUtils.Planning;

namespace EcrUtils.Operations;

/// <summary>What a deletion run planned and did in one repository.</summary>
/// <param name="Repository">The repository.</param>
/// <param name="Plan">The plan; null when the repository failed before it could be planned.</param>
/// <param name="RemovedTags">Tags that are gone (removed now, or already gone when we came to remove them).</param>
/// <param name="Problems">Per-tag problems.</param>
/// <param name="Error">Why the repository failed, if it did.</param>
/// <param name="RelatedDeleted">Children and companions deleted with the images that left.</param>
public sealed record RepositoryDeletion(
    EcrRepository Repository,
    RepositoryPlan? Plan,
    IReadOnlySet<string> RemovedTags,
    IReadOnlyList<DeletionProblem> Problems,
    string? Error,
    IReadOnlyList<RelatedImageDecision>? RelatedDeleted = null)
{
    /// <summary>Whether anything failed in this repository.</summary>
    public bool HasFailures => Error is not null || Problems.Count > 0;

    /// <summary>Images whose every planned tag was removed and that therefore left the registry.</summary>
    public IReadOnlyList<ImageDecision> DeletedImages =>
        Plan is null ? [] : [.. Plan.Removals.Where(d => d.DeletesImage && d.TagsToRemove.All(RemovedTags.Contains))];

    /// <summary>Bytes freed by the images that left the registry, children and companions included (sizes as ECR reports them).</summary>
    public long BytesReclaimed => DeletedImages.Sum(d => d.Image.SizeInBytes) + (RelatedDeleted ?? []).Sum(d => d.Image.SizeInBytes);
}
