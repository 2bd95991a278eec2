using System.Globalization;
using System.Text;

namespace EcrUtils.Reporting;

/// <summary>Renders a report as the Markdown of a GitHub Actions job summary.</summary>
public static class MarkdownSummary
{
    /// <summary>Renders the report's table and problems.</summary>
    public static string Render(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var markdown = new StringBuilder();
        var mode = report.Preview ? " (preview: nothing was deleted)" : string.Empty;
        markdown.Append(CultureInfo.InvariantCulture, $"### {report.Task} · `{Escape(report.Environment)}`{mode}\n\n");
        if (report.Task == "GetLatestImages")
        {
            RenderLatest(report, markdown);
        }
        else
        {
            RenderDeletion(report, markdown);
        }

        if (report.Error is not null)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"\n> [!CAUTION]\n> {Escape(report.Error)}\n");
        }

        return markdown.ToString();
    }

    private static void RenderLatest(ReportDocument report, StringBuilder markdown)
    {
        markdown.Append("| Repository | Tag | Pushed | Pinned image |\n|---|---|---|---|\n");
        foreach (var latest in report.LatestImages)
        {
            if (!latest.Found)
            {
                markdown.Append(CultureInfo.InvariantCulture, $"| {Escape(latest.Repository)} | ⚠️ no image | | |\n");
                continue;
            }

            var fallback = latest.Fallback ? $" (fallback `{Escape(latest.Environment ?? string.Empty)}`)" : string.Empty;
            markdown.Append(CultureInfo.InvariantCulture,
                $"| {Escape(latest.Repository)} | `{Escape(latest.Tag ?? string.Empty)}`{fallback} | {latest.PushedAt:u} | `{Escape(latest.PinnedUri ?? string.Empty)}` |\n");
        }
    }

    private static void RenderDeletion(ReportDocument report, StringBuilder markdown)
    {
        var removedHeader = report.Preview ? "Would remove" : "Removed";
        markdown.Append(CultureInfo.InvariantCulture, $"| Repository | Kept | {removedHeader} | Images deleted | Reclaimed | Status |\n|---|---:|---:|---:|---:|---|\n");
        foreach (var repository in report.Repositories)
        {
            markdown.Append(CultureInfo.InvariantCulture,
                $"| {Escape(repository.Name)} | {repository.ImagesKept} | {repository.ImagesToRemove} | {repository.ImagesDeleted} | {ByteSize.Format(repository.BytesReclaimed)} | {repository.Status} |\n");
        }

        var total = report.Repositories.Sum(r => r.BytesReclaimed);
        var deleted = report.Repositories.Sum(r => r.ImagesDeleted);
        var outcome = report.Preview ? "would be deleted" : "were deleted";
        markdown.Append(CultureInfo.InvariantCulture, $"\n**{deleted}** images {outcome}, **{ByteSize.Format(total)}** reclaimed.\n");
        InUseMarkdown.Append(report, markdown);

        var problems = report.Repositories.SelectMany(r => r.Problems.Select(p => (r.Name, p))).ToList();
        var failures = report.Repositories.Where(r => r.Error is not null).ToList();
        if (problems.Count + failures.Count == 0)
        {
            return;
        }

        markdown.Append("\n#### Problems\n\n");
        foreach (var repository in failures)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"- **{Escape(repository.Name)}**: {Escape(repository.Error!)}\n");
        }

        foreach (var (name, problem) in problems)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"- **{Escape(name)}** `{Escape(problem.Tag ?? problem.Digest ?? string.Empty)}`: {problem.Code}: {Escape(problem.Message)}\n");
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
