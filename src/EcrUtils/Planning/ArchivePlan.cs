namespace EcrUtils.Planning;

/// <summary>
/// <c>--archive</c>: turns a plan's deletions into archivals. An image that would lose its last tag (and so be deleted)
/// is archived instead and keeps every tag; an image that only loses the environment's tags (another environment or
/// another tag keeps it) loses them as without <c>--archive</c>.
/// </summary>
public static class ArchivePlan
{
    /// <summary>The reason an archival adds to the removal's.</summary>
    public const string Note = "; archived instead of deleted (it keeps its tags)";

    /// <summary>
    /// The children in <paramref name="cleanup"/> (what would go with a plan's deletions, before <see cref="Apply"/>):
    /// they are archived with their index. Companions (signatures, attestations) stay as they are, with the image they
    /// describe.
    /// </summary>
    public static CleanupPlan ChildrenOf(CleanupPlan cleanup)
    {
        ArgumentNullException.ThrowIfNull(cleanup);
        return new CleanupPlan([.. cleanup.Deletions
            .Where(d => d.Kind == RelatedImageKind.Child)
            .Select(d => d with { Deletes = false, Archives = true, DependsOn = [], Reason = "archived with its index" })]);
    }

    /// <summary>The plan with every image it deletes archived instead.</summary>
    public static RepositoryPlan Apply(RepositoryPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.ImagesDeleted == 0
            ? plan
            : new RepositoryPlan([.. plan.Decisions.Select(d => d.DeletesImage ? d with { Action = ImageAction.Archive, TagsToRemove = [], Reason = d.Reason + Note } : d)]);
    }
}
