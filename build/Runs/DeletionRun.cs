using Build.Output;
using Cake.Core;
using EcrUtils;
using EcrUtils.Ecr;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Sandbox;

namespace Build.Runs;

/// <summary>The shared flow of DeleteOldestImages and DeleteAllImages: plan, delete, report.</summary>
public sealed class DeletionRun(SandboxStarter sandboxStarter, Lazy<IEcrClient> ecrClient, InUseCollectorFactory createInUseCollector, ReportFactory reports)
{
    public async Task ExecuteAsync(EcrContext context, EcrTask task)
    {
        var options = context.OptionsFor(task);
        // Before any client: the clients of a sandbox run call the sandbox, and it stops however the run ends.
        await using var sandbox = await sandboxStarter.StartAsync(options, task, context.CancellationToken);
        var client = ecrClient.Value;
        var inUseCollector = createInUseCollector(options);
        var report = reports.Create(options, task);
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
            throw await RunFailure.EndRunAsync(context, sandbox, report, ex);
        }

        var failed = results.Count(r => r.HasFailures);
        report.Complete(failed > 0 ? "partial-failure" : "succeeded");
        await RunOutput.WriteAsync(context, sandbox, report);
        if (failed > 0)
        {
            throw new CakeException(ExitCodes.PartialFailure, $"{failed} of {results.Count} repositories had failures (listed above and in {report.Path}). Fix the cause and run the same command again: what is done stays done.");
        }
    }
}
