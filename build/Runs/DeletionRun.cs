using Build.Output;
using Cake.Core;
using EcrUtils;
using EcrUtils.Ecr;
using EcrUtils.InUse;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Results;
using EcrUtils.Sandbox;

namespace Build.Runs;

/// <summary>The shared flow of DeleteOldestImages and DeleteAllImages: plan, delete, report.</summary>
public sealed class DeletionRun(
    SandboxStarter sandboxStarter,
    Lazy<IEcrClient> ecrClient,
    InUseCollectorFactory createInUseCollector,
    CallerPaths paths,
    ReportFactory reports,
    TimeProvider timeProvider)
{
    public async Task ExecuteAsync(EcrContext context, EcrTask task)
    {
        var options = context.OptionsFor(task);
        // Before anything starts, like the arguments: a file that cannot be read or holds a bad line is a usage error.
        var inUseFile = ReadInUseFile(options);
        // Before any client: the clients of a sandbox run call the sandbox, and it stops however the run ends.
        await using var sandbox = await sandboxStarter.StartAsync(options, task, context.CancellationToken);
        var client = ecrClient.Value;
        var inUseCollector = createInUseCollector(options);
        var run = new RunResult(task, options, timeProvider);
        var report = reports.Start(options, run);
        try
        {
            await ProgressDisplay.RunDeletionAsync(
                context,
                run,
                () => new DeleteImagesOperation(client, run, inUseCollector, inUseFile, timeProvider).RunAsync(options, task, context.Stop));
        }
        catch (Exception ex)
        {
            throw await RunFailure.EndRunAsync(context, sandbox, run, report.Path, ex);
        }

        var failed = run.RepositoriesWithFailures;
        run.Complete(failed > 0 ? RunStatus.PartialFailure : RunStatus.Succeeded);
        await RunOutput.WriteAsync(context, sandbox, run, report.Path);
        if (failed > 0)
        {
            throw new CakeException(ExitCodes.PartialFailure, $"{failed} of {run.Repositories.Count} repositories had failures (listed above and in {report.Path}). Fix the cause and run the same command again: what is done stays done.");
        }
    }

    private InUseFile? ReadInUseFile(EcrOptions options)
    {
        if (options.InUseFile is not { } given)
        {
            return null;
        }

        try
        {
            return InUseFile.Read(given, paths.Resolve(given));
        }
        catch (OptionsException ex)
        {
            throw new CakeException(ExitCodes.UsageError, $"{ex.Message} Nothing was changed.");
        }
    }
}
