using EcrUtils.Results;
using EcrUtils.Sandbox;

namespace Build.Output;

/// <summary>Publishes a finished (or stopped) run's result where people look: the console and, on GitHub, the job page.</summary>
internal static class RunOutput
{
    public static async Task WriteAsync(EcrContext context, SandboxSession? sandbox, RunResult run, string reportPath)
    {
        // What the run changed in the sandbox comes first, so that the run's own closing line stays the last line.
        if (sandbox is not null)
        {
            await sandbox.WriteAfterAsync(context.Console);
        }

        ConsoleReport.Write(context.Console, run, reportPath, context.Log.Verbosity);
        if (context.IsGitHubActions)
        {
            GitHubReport.Write(context, run, reportPath);
        }
    }
}
