using System.Globalization;
using System.Text;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Results;

namespace EcrUtils.Reporting;

/// <summary>Renders a run's result as the Markdown of a GitHub Actions job summary.</summary>
public static class MarkdownSummary
{
    /// <summary>Renders the run's table and problems.</summary>
    public static string Render(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var markdown = new StringBuilder();
        var mode = run.Preview ? " (preview: nothing was deleted)" : string.Empty;
        markdown.Append(CultureInfo.InvariantCulture, $"### {run.Task} · `{MarkdownText.Escape(run.Environment)}`{mode}\n\n");
        if (run.Task == EcrTask.GetLatestImages)
        {
            RenderLatest(run, markdown);
        }
        else if (run.Environments is { } listing)
        {
            RenderEnvironments(listing, markdown);
        }
        else
        {
            RenderDeletion(run, markdown);
        }

        if (run.Error is not null)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"\n> [!CAUTION]\n> {MarkdownText.Escape(run.Error)}\n");
        }

        return markdown.ToString();
    }

    private static void RenderEnvironments(EnvironmentListing listing, StringBuilder markdown)
    {
        markdown.Append("| Environment | Repositories | Images | Reclaimable | Newest push | Last pull | In use | Stale |\n|---|---:|---:|---:|---|---|---|---|\n");
        foreach (var environment in ReportProjection.Largest(listing))
        {
            var inUse = environment.InUseBy.Count > 0 ? MarkdownText.Escape(string.Join(", ", environment.InUseBy)) : environment.Protected ? "protected" : "no";
            markdown.Append(CultureInfo.InvariantCulture,
                $"| `{MarkdownText.Escape(environment.Name)}` | {environment.Repositories.Count} | {environment.Images} | {environment.ReclaimableImages} images, {ByteSize.Format(environment.ReclaimableBytes)} | {environment.NewestPush:yyyy-MM-dd} | {(environment.LastPull is { } pulled ? pulled.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never")} | {inUse} | {(environment.Stale ? "**stale**" : "no")} |\n");
        }

        if (listing.ImagesWithoutEnvironment > 0)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"\n{listing.ImagesWithoutEnvironment} images belong to no environment.\n");
        }
    }

    private static void RenderLatest(RunResult run, StringBuilder markdown)
    {
        markdown.Append("| Repository | Tag | Pushed | Pinned image |\n|---|---|---|---|\n");
        foreach (var latest in run.LatestImages)
        {
            var repository = MarkdownText.Escape(latest.Repository.Name);
            if (latest.Latest is not { } image)
            {
                markdown.Append(CultureInfo.InvariantCulture, $"| {repository} | ⚠️ no image | | |\n");
                continue;
            }

            var fallback = latest.IsFallback ? $" (fallback `{MarkdownText.Escape(latest.Environment ?? string.Empty)}`)" : string.Empty;
            markdown.Append(CultureInfo.InvariantCulture,
                $"| {repository} | `{MarkdownText.Escape(image.Tag)}`{fallback} | {image.Image.PushedAt:u} | `{MarkdownText.Escape(latest.PinnedUri ?? string.Empty)}` |\n");
        }
    }

    private static void RenderDeletion(RunResult run, StringBuilder markdown)
    {
        var (losing, deleted) = run.Preview ? ("Would lose it", "Would delete") : ("Images that lost it", "Images deleted");
        markdown.Append(CultureInfo.InvariantCulture, $"| Repository | Images kept | {losing} | {deleted} | Reclaimed | Status |\n|---|---:|---:|---:|---:|---|\n");
        foreach (var repository in run.Repositories)
        {
            markdown.Append(CultureInfo.InvariantCulture,
                $"| {MarkdownText.Escape(repository.Repository.Name)} | {repository.ImagesKept} | {(run.Preview ? repository.ImagesToRemove : repository.ImagesRemoved)} | {repository.ImagesDeleted} | {ByteSize.Format(repository.BytesReclaimed)} | {ReportProjection.Name(repository.Status)} |\n");
        }

        var outcome = run.Preview ? "would be deleted" : "were deleted";
        markdown.Append(CultureInfo.InvariantCulture, $"\n**{run.ImagesDeleted}** images {outcome}, **{ByteSize.Format(run.BytesReclaimed)}** reclaimed.\n");
        if (run.Options.Archive)
        {
            var archived = run.Preview ? "would be archived" : "were archived";
            markdown.Append(CultureInfo.InvariantCulture, $"\n**{run.ImagesArchived}** images {archived} instead ({ByteSize.Format(run.BytesArchived)}), keeping their tags. ECR bills archived images for at least 90 days; `RestoreImages` brings them back.\n");
        }
        InUseMarkdown.Append(run, markdown);

        var failures = run.Repositories.Where(r => r.Error is not null).ToList();
        var problems = run.Repositories.SelectMany(r => r.Problems.Select(p => (r.Repository.Name, p))).ToList();
        if (problems.Count + failures.Count == 0)
        {
            return;
        }

        markdown.Append("\n#### Problems\n\n");
        foreach (var repository in failures)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"- **{MarkdownText.Escape(repository.Repository.Name)}**: {MarkdownText.Escape(repository.Error!)}\n");
        }

        foreach (var (name, problem) in problems)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"- **{MarkdownText.Escape(name)}** `{MarkdownText.Escape(problem.Tag ?? problem.Digest ?? string.Empty)}`: {problem.Code}: {MarkdownText.Escape(problem.Message)}\n");
        }
    }
}
