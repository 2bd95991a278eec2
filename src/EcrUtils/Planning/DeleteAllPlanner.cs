using EcrUtils.Ecr;
using EcrUtils.Images;

namespace EcrUtils.Planning;

/// <summary>Plans DeleteAllImages (the environment was torn down) for one repository.</summary>
public static class DeleteAllPlanner
{
    /// <summary>
    /// Removes the environment from every environment image, archived ones included (a teardown leaves nothing billed
    /// behind): all its environment tags, floating ones too. Images holding a protected tag are kept, and so is what the
    /// <paramref name="retention"/> criteria keep (with <c>--archive</c>, archived images stay archived). Tags of other
    /// environments and other tags stay, so a shared image survives.
    /// </summary>
    /// <param name="images">Every image of the repository; images without environment tags are not planned.</param>
    /// <param name="rules">The environment's tag rules.</param>
    /// <param name="retention">The retention criteria; <see cref="Retention.None"/> when not given.</param>
    public static RepositoryPlan Plan(IEnumerable<EcrImage> images, TagRules rules, Retention? retention = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(rules);

        return Plan(ImageRanking.Of(images, rules), retention ?? Retention.None);
    }

    /// <summary>The plan for a repository ranked as its listing arrived (see <see cref="ImageRanking"/>).</summary>
    internal static RepositoryPlan Plan(ImageRanking ranking, Retention retention)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(retention);
        var newestFirst = ranking.NewestFirst();
        var decisions = new List<ImageDecision>(newestFirst.Count);
        foreach (var ranked in newestFirst)
        {
            decisions.Add(Decide(ranked, retention));
        }

        return MovedTagGuard.Apply(new RepositoryPlan(decisions), ranking.MovedTags);
    }

    private static ImageDecision Decide(RankedImage ranked, Retention retention)
    {
        var image = ranked.Image;
        if (ranked.ProtectedTag is { } protectedTag)
        {
            return ImageDecision.Keep(image, $"holds protected tag {protectedTag}");
        }

        if (retention.KeepReason(image) is { } kept)
        {
            return ImageDecision.Keep(image, kept);
        }

        return new ImageDecision(image, ImageAction.Remove, ranked.EnvironmentTags, "environment torn down" + retention.ArchiveNote(image));
    }
}
