using Build.Output;
using Cake.Core;
using EcrUtils;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Results;

namespace Build.Runs;

/// <summary>The shared flow of DeleteOldestImages and DeleteAllImages: plan, delete, report.</summary>
internal static class DeletionRun
{
    public static async Task ExecuteAsync(EcrContext context, EcrTask task)
    {
        var options = context.OptionsFor(task);
        // Before any client: the clients of a sandbox run call the sandbox, and it stops however the run ends.
        await using var sandbox = await context.StartSandboxAsync(task);
        var client = context.CreateEcrClient();
        var inUseCollector = context.CreateInUseCollector();
        var (run, report) = context.StartRun(task);
        try
        {
            await ProgressDisplay.RunDeletionAsync(
                context,
                run,
                () => new DeleteImagesOperation(client, run, inUseCollector).RunAsync(options, task, context.CancellationToken));
        }
        catch (Exception ex)
        {
            throw await RunFailure.EndRunAsync(context, run, report.Path, ex);
        }

        var failed = run.RepositoriesWithFailures;
        run.Complete(failed > 0 ? RunStatus.PartialFailure : RunStatus.Succeeded, context.TimeProvider.GetUtcNow());
        await RunOutput.WriteAsync(context, run, report.Path);
        if (failed > 0)
        {
            throw new CakeException(ExitCodes.PartialFailure, $"{failed} of {run.Repositories.Count} repositories had failures (listed above and in {report.Path}). Fix the cause and run the same command again: what is done stays done.");
        }
    }
}
