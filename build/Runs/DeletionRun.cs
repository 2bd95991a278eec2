using Build.Output;
using Cake.Core;
using EcrUtils;
using EcrUtils.Operations;
using EcrUtils.Options;

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
        var report = context.CreateReport(task);
        IReadOnlyList<RepositoryDeletion> results;
        try
        {
            results = await ProgressDisplay.RunDeletionAsync(
                context,
                report,
                recorder => new DeleteImagesOperation(client, recorder, inUseCollector).RunAsync(options, task, context.CancellationToken));
        }
        catch (Exception ex)
        {
            throw await RunFailure.EndRunAsync(context, report, ex);
        }

        var failed = results.Count(r => r.HasFailures);
        report.Complete(failed > 0 ? "partial-failure" : "succeeded");
        await RunOutput.WriteAsync(context, report);
        if (failed > 0)
        {
            throw new CakeException(ExitCodes.PartialFailure, $"{failed} of {results.Count} repositories had failures (listed above and in {report.Path}). Fix the cause and run the same command again: what is done stays done.");
        }
    }
}
