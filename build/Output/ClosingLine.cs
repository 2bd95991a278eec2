using System.Globalization;
using EcrUtils.Reporting;

namespace Build.Output;

/// <summary>The last line of a run's console output: what happened, in every outcome, and where the report is.</summary>
internal static class ClosingLine
{
    public static string For(ReportDocument report, string reportPath) =>
        $"{(report.Task == "GetLatestImages" ? Latest(report) : Deletion(report))} Report: {reportPath}";

    private static string Latest(ReportDocument report)
    {
        var found = report.LatestImages.Count(l => l.Found);
        var missing = report.LatestImages.Where(l => !l.Found).Select(l => l.Repository).ToList();
        return report.Status switch
        {
            "cancelled" => "Cancelled before the latest images were all found.",
            "failed" => "Stopped by an error before the latest images were all found (see the error below).",
            _ when missing.Count > 0 =>
                $"Found the latest image of {report.Environment} in {found} of {Count(report.LatestImages.Count, "repository", "repositories")}; none in {string.Join(", ", missing)}.",
            _ => $"Found the latest image of {report.Environment} in {found} of {Count(report.LatestImages.Count, "repository", "repositories")}.",
        };
    }

    private static string Deletion(ReportDocument report)
    {
        var repositories = report.Repositories;
        var tags = repositories.Sum(r => r.TagsRemoved);
        var images = repositories.Sum(r => r.ImagesDeleted);
        var bytes = ByteSize.Format(repositories.Sum(r => r.BytesReclaimed));
        var inRepositories = Count(repositories.Count, "repository", "repositories");
        var done = tags == 0 ? null : $"removed {Count(tags, "tag")} ({Count(images, "image")} deleted, {bytes} reclaimed)";
        if (report.Preview)
        {
            return report.Status switch
            {
                "cancelled" => "Preview cancelled. Nothing was deleted.",
                "failed" => "Preview stopped by an error (see the error below). Nothing was deleted.",
                _ => $"Preview of {inRepositories}: {Count(repositories.Sum(r => r.ImagesToRemove), "image")} would lose {report.Environment}, "
                    + $"{images} would be deleted and {bytes} reclaimed. Nothing was deleted.",
            };
        }

        return report.Status switch
        {
            "cancelled" => done is null ? "Cancelled before anything was deleted." : $"Cancelled after it {done}; run the same command again to finish.",
            "failed" => done is null ? "Stopped by an error before anything was deleted (see the error below)." : $"Stopped by an error after it {done} (see the error below).",
            "partial-failure" => $"Partly done: {done ?? "removed nothing"} in {inRepositories}; {Count(repositories.Count(r => r.Status == "failed"), "repository", "repositories")} had failures (listed above).",
            _ when repositories.Sum(r => r.ImagesToRemove) == 0 => $"Nothing to remove in {inRepositories}: every image of {report.Environment} is kept.",
            _ => $"Removed {Count(tags, "tag")} in {inRepositories}: {Count(images, "image")} deleted, {bytes} reclaimed.",
        };
    }

    private static string Count(int count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");
}
