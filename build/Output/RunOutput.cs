using EcrUtils.Reporting;
using EcrUtils.Sandbox;

namespace Build.Output;

/// <summary>Publishes a finished (or stopped) run's report where people look: the console and, on GitHub, the job page.</summary>
internal static class RunOutput
{
    public static async Task WriteAsync(EcrContext context, SandboxSession? sandbox, ReportWriter report)
    {
        // What the run changed in the sandbox comes first, so that the run's own closing line stays the last line.
        if (sandbox is not null)
        {
            await sandbox.WriteAfterAsync(context.Console);
        }

        ConsoleReport.Write(context.Console, report.Document, report.Path);
        if (context.IsGitHubActions)
        {
            GitHubReport.Write(context, report.Document, report.Path);
        }
    }
}
