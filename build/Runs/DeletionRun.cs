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
        var client = context.CreateEcrClient();
        var report = context.CreateReport(task);
        IReadOnlyList<RepositoryDeletion> results;
        try
        {
            results = await new DeleteImagesOperation(client, report).RunAsync(options, task, context.CancellationToken);
        }
        catch (Exception ex)
        {
            var failure = RunFailure.From(ex, report.Path);
            report.Complete(ex is OperationCanceledException ? "cancelled" : "failed", failure.Message);
            RunOutput.Write(context, report);
            throw failure;
        }

        var failed = results.Count(r => r.HasFailures);
        report.Complete(failed > 0 ? "partial-failure" : "succeeded");
        RunOutput.Write(context, report);
        if (failed > 0)
        {
            throw new CakeException(ExitCodes.PartialFailure, $"{failed} of {results.Count} repositories had failures (listed above and in {report.Path}). Fix the cause and run the same command again: what is done stays done.");
        }
    }
}
