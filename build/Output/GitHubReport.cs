using System.Text.Json;
using Cake.Common.Build;
using Cake.Common.Build.GitHubActions.Data;
using EcrUtils.Reporting;

namespace Build.Output;

/// <summary>Step outputs, the job summary and annotations on GitHub Actions.</summary>
internal static class GitHubReport
{
    public static void Write(EcrContext context, ReportDocument report, string reportPath)
    {
        var commands = context.GitHubActions().Commands;
        commands.SetOutputParameter("report", reportPath);
        commands.SetOutputParameter("status", report.Status);
        if (report.Task == "GetLatestImages")
        {
            commands.SetOutputParameter("images", JsonSerializer.Serialize(report.LatestImages.Where(l => l.Found).ToList(), OutputJsonContext.Default.ListLatestImageReport));
            foreach (var missing in report.LatestImages.Where(l => !l.Found))
            {
                commands.Warning($"No image of environment '{report.Environment}' in repository {missing.Repository}.", new GitHubActionsAnnotation());
            }
        }
        else
        {
            commands.SetOutputParameter("images-deleted", report.Repositories.Sum(r => r.ImagesDeleted).ToString(System.Globalization.CultureInfo.InvariantCulture));
            commands.SetOutputParameter("bytes-reclaimed", report.Repositories.Sum(r => r.BytesReclaimed).ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var repository in report.Repositories)
            {
                foreach (var problem in repository.Problems)
                {
                    commands.Error($"{repository.Name}: {problem.Tag ?? problem.Digest}: {problem.Code}: {problem.Message}", new GitHubActionsAnnotation());
                }

                if (repository.Error is not null)
                {
                    commands.Error($"{repository.Name}: {repository.Error}", new GitHubActionsAnnotation());
                }
            }
        }

        if (report.InUseCheck?.Status == "off")
        {
            commands.Warning($"The in-use check was off ({report.InUseCheck.Message}): images that ECS or Lambda use were not protected.", new GitHubActionsAnnotation());
        }

        if (report.Error is not null)
        {
            commands.Error(report.Error, new GitHubActionsAnnotation());
        }

        commands.SetStepSummary(MarkdownSummary.Render(report));
    }
}
