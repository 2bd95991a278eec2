using EcrUtils.Results;

namespace Build.Output;

/// <summary>Publishes a finished (or stopped) run's result where people look: the console and, on GitHub, the job page.</summary>
internal static class RunOutput
{
    public static async Task WriteAsync(EcrContext context, RunResult run, string reportPath)
    {
        // What the run changed in the sandbox comes first, so that the run's own closing line stays the last line.
        if (context.Sandbox is { } sandbox)
        {
            await sandbox.WriteAfterAsync(context.Console);
        }

        ConsoleReport.Write(context.Console, run, reportPath);
        if (context.IsGitHubActions)
        {
            GitHubReport.Write(context, run, reportPath);
        }
    }
}
