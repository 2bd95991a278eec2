using EcrUtils.Reporting;

namespace Build.Output;

/// <summary>Publishes a finished (or stopped) run's report where people look: the console and, on GitHub, the job page.</summary>
internal static class RunOutput
{
    public static void Write(EcrContext context, ReportWriter report)
    {
        ConsoleReport.Write(context.Console, report.Document, report.Path);
        if (context.IsGitHubActions)
        {
            GitHubReport.Write(context, report.Document, report.Path);
        }
    }
}
