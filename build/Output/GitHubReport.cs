using System.Globalization;
using System.Text.Json;
using Cake.Common.Build;
using Cake.Common.Build.GitHubActions.Data;
using EcrUtils.InUse;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Reporting;
using EcrUtils.Results;

namespace Build.Output;

/// <summary>Step outputs, the job summary and annotations on GitHub Actions.</summary>
internal static class GitHubReport
{
    public static void Write(EcrContext context, RunResult run, string reportPath)
    {
        var commands = context.GitHubActions().Commands;
        commands.SetOutputParameter("report", reportPath);
        commands.SetOutputParameter("status", ReportProjection.Name(run.Status));
        if (run.Task == EcrTask.GetLatestImages)
        {
            var found = run.LatestImages.Where(l => l.Found).Select(ReportProjection.Latest).ToList();
            commands.SetOutputParameter("images", JsonSerializer.Serialize(found, OutputJsonContext.Default.ListLatestImageReport));
            foreach (var missing in run.LatestImages.Where(l => !l.Found))
            {
                commands.Warning($"No image of environment '{run.Environment}' in repository {missing.Repository.Name}.", new GitHubActionsAnnotation());
            }
        }
        else if (run.Task == EcrTask.ListEnvironments)
        {
            // One-line JSON arrays of names, ready for fromJSON in a matrix.
            var environments = run.Environments?.Environments ?? [];
            commands.SetOutputParameter("environments", JsonSerializer.Serialize(environments.Select(e => e.Name).ToList(), OutputJsonContext.Default.ListString));
            commands.SetOutputParameter("stale-environments", JsonSerializer.Serialize(environments.Where(e => e.Stale).Select(e => e.Name).ToList(), OutputJsonContext.Default.ListString));
        }
        else if (run.Restores is { } restores)
        {
            commands.SetOutputParameter("preview", run.Preview ? "true" : "false");
            commands.SetOutputParameter(
                run.Preview ? "would-restore-images" : "restored-images",
                restores.Count(r => r.Status is RestoreStatus.Planned or RestoreStatus.Activating or RestoreStatus.Active).ToString(CultureInfo.InvariantCulture));
            foreach (var failed in restores.Where(r => r.Status == RestoreStatus.Failed))
            {
                commands.Error($"{failed.Repository.Name}: {failed.Image.Digest}: {failed.Message}", new GitHubActionsAnnotation());
            }
        }
        else
        {
            // A preview's counts are what would go: named so that no script reads them as a deletion.
            commands.SetOutputParameter("preview", run.Preview ? "true" : "false");
            var (images, bytes) = run.Preview ? ("would-delete-images", "would-reclaim-bytes") : ("images-deleted", "bytes-reclaimed");
            commands.SetOutputParameter(images, run.ImagesDeleted.ToString(CultureInfo.InvariantCulture));
            commands.SetOutputParameter(bytes, run.BytesReclaimed.ToString(CultureInfo.InvariantCulture));
            if (run.Options.Archive)
            {
                var (archived, archivedBytes) = run.Preview ? ("would-archive-images", "would-archive-bytes") : ("images-archived", "bytes-archived");
                commands.SetOutputParameter(archived, run.ImagesArchived.ToString(CultureInfo.InvariantCulture));
                commands.SetOutputParameter(archivedBytes, run.BytesArchived.ToString(CultureInfo.InvariantCulture));
            }
            foreach (var repository in run.Repositories)
            {
                var name = repository.Repository.Name;
                foreach (var problem in repository.Problems)
                {
                    commands.Error($"{name}: {problem.Tag ?? problem.Digest}: {problem.Code}: {problem.Message}", new GitHubActionsAnnotation());
                }

                if (repository.Error is not null)
                {
                    commands.Error($"{name}: {repository.Error}", new GitHubActionsAnnotation());
                }
            }
        }

        if (run.InUseCheck is { Status: InUseCheckStatus.Off } off)
        {
            commands.Warning(InUseText.Off(off.Message ?? string.Empty), new GitHubActionsAnnotation());
        }

        if (run.Error is not null)
        {
            commands.Error(run.Error, new GitHubActionsAnnotation());
        }

        commands.SetStepSummary(MarkdownSummary.Render(run));
    }
}
