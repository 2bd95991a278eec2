using EcrUtils.Ecr;
using EcrUtils.Images;

namespace EcrUtils.Planning;

/// <summary>Plans DeleteOldestImages for one repository.</summary>
public static class DeleteOldestPlanner
{
    /// <summary>
    /// Keeps the newest <paramref name="keep"/> active environment images, plus every environment image that holds
    /// a floating or protected tag wherever it ranks, plus what the <paramref name="retention"/> criteria keep; removes
    /// the environment from the rest.
    /// </summary>
    /// <remarks>
    /// An image holding a floating or protected tag takes one of the <paramref name="keep"/> places only when it is
    /// among the newest: <c>--keep=2</c> keeps the two newest builds, whatever else they hold. Archived and restoring
    /// images never take places (they cannot be pulled): with <c>--archive</c> they are left as they are, without it an
    /// archived image is removed like any other.
    /// </remarks>
    /// <param name="images">Every image of the repository; images without environment tags are not planned.</param>
    /// <param name="rules">The environment's tag rules.</param>
    /// <param name="keep">How many of the newest active environment images to keep; at least 1.</param>
    /// <param name="retention">The retention criteria; <see cref="Retention.None"/> when not given.</param>
    public static RepositoryPlan Plan(IEnumerable<EcrImage> images, TagRules rules, int keep, Retention? retention = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        return Plan(ImageRanking.Of(images, rules), keep, retention ?? Retention.None);
    }

    /// <summary>The plan for a repository ranked as its listing arrived (see <see cref="ImageRanking"/>).</summary>
    internal static RepositoryPlan Plan(ImageRanking ranking, int keep, Retention retention)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        ArgumentNullException.ThrowIfNull(retention);

        var newestFirst = ranking.NewestFirst();

        var reasons = new Reasons(keep);
        var decisions = new List<ImageDecision>(newestFirst.Count);
        var activeRank = 0;
        foreach (var image in newestFirst)
        {
            if (image.Image.IsActive)
            {
                activeRank++;
            }

            decisions.Add(Decide(image, keep, activeRank, reasons, retention));
        }

        return MovedTagGuard.Apply(new RepositoryPlan(decisions), ranking.MovedTags);
    }

    private static ImageDecision Decide(RankedImage ranked, int keep, int activeRank, Reasons reasons, Retention retention)
    {
        var image = ranked.Image;
        if (image.IsActive && activeRank <= keep)
        {
            return ImageDecision.Keep(image, reasons.Kept);
        }

        if (ranked.ProtectedTag is { } protectedTag)
        {
            return ImageDecision.Keep(image, $"holds protected tag {protectedTag}");
        }

        if (ranked.FloatingTag is { } floatingTag)
        {
            return ImageDecision.Keep(image, $"holds floating tag {floatingTag}");
        }

        if (retention.KeepReason(image) is { } kept)
        {
            return ImageDecision.Keep(image, kept);
        }

        // The image holds no floating tag (it would have been kept), so none is among the tags removed here.
        return new ImageDecision(image, ImageAction.Remove, ranked.EnvironmentTags, reasons.Removed + retention.ArchiveNote(image));
    }

    // Worded once per plan, not once per image.
    private sealed class Reasons(int keep)
    {
        public string Kept { get; } = keep == 1 ? "the newest" : $"one of the {keep} newest";

        public string Removed { get; } = keep == 1 ? "older than the newest" : $"older than the {keep} newest";
    }
}
