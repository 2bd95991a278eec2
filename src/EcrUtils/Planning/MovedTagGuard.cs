namespace EcrUtils.Planning;

/// <summary>
/// Keeps every image that holds a tag the listing showed on two images. Such a tag moved while the repository was
/// listed (a push elsewhere), and tags are removed by name: removing it as planned for the image it left would take it
/// from the image it went to, which the plan may keep, and delete that image if the tag is its last. The next run sees
/// where the tag is and plans it then.
/// </summary>
internal static class MovedTagGuard
{
    public static RepositoryPlan Apply(RepositoryPlan plan, IReadOnlySet<string> movedTags)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(movedTags);
        if (movedTags.Count == 0)
        {
            return plan;
        }

        return new RepositoryPlan([.. plan.Decisions.Select(decision =>
            decision.Action == ImageAction.Remove && decision.Image.Tags.FirstOrDefault(movedTags.Contains) is { } tag
                ? ImageDecision.Keep(decision.Image, $"tag {tag} was also listed on another image (it moved while the repository was listed); left for the next run")
                : decision)]);
    }
}
