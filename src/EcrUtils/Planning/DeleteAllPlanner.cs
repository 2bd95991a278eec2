using EcrUtils.Ecr;
using EcrUtils.Images;

namespace EcrUtils.Planning;

/// <summary>Plans DeleteAllImages (the environment was torn down) for one repository.</summary>
public static class DeleteAllPlanner
{
    /// <summary>
    /// Removes the environment from every active environment image: all its environment tags, floating ones too.
    /// Images holding a protected tag are kept, and so are archived images (deleting one early is billed and defeats
    /// the archive). Tags of other environments and other tags stay, so a shared image survives.
    /// </summary>
    /// <param name="images">Every image of the repository; images without environment tags are not planned.</param>
    /// <param name="rules">The environment's tag rules.</param>
    public static RepositoryPlan Plan(IEnumerable<EcrImage> images, TagRules rules)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(rules);

        return Plan(ImageRanking.Of(images, rules));
    }

    /// <summary>The plan for a repository ranked as its listing arrived (see <see cref="ImageRanking"/>).</summary>
    internal static RepositoryPlan Plan(ImageRanking ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var newestFirst = ranking.NewestFirst();
        var decisions = new List<ImageDecision>(newestFirst.Count);
        foreach (var ranked in newestFirst)
        {
            decisions.Add(Decide(ranked));
        }

        return MovedTagGuard.Apply(new RepositoryPlan(decisions), ranking.MovedTags);
    }

    private static ImageDecision Decide(RankedImage ranked)
    {
        var image = ranked.Image;
        if (ranked.ProtectedTag is { } protectedTag)
        {
            return ImageDecision.Keep(image, $"holds protected tag {protectedTag}");
        }

        if (!image.IsActive)
        {
            return ImageDecision.Keep(image, "archived");
        }

        return new ImageDecision(image, ImageAction.Remove, ranked.EnvironmentTags, "environment torn down");
    }
}
