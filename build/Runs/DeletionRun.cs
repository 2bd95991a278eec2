using Build.Output;
using Cake.Core;
using EcrUtils;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Results;

namespace Build.Runs;

/// <summary>The shared flow of DeleteOldestImages and DeleteAllImages: plan, delete, report.</summary>
public sealed class DeletionRun(RunSessions sessions, InUseCollectorFactory createInUseCollector, InUseFileReader inUseFiles, TimeProvider timeProvider)
{
    public async Task ExecuteAsync(EcrContext context, EcrTask task)
    {
        var options = context.OptionsFor(task);
        // Before anything starts, like the arguments: a file that cannot be read or holds a bad line is a usage error.
        var inUseFile = inUseFiles.Read(options);
        await using var session = await sessions.StartAsync(context, task, options);
        var run = session.Result;
        var inUseCollector = createInUseCollector(options);
        try
        {
            await ProgressDisplay.RunDeletionAsync(
                context,
                run,
                () => new DeleteImagesOperation(session.Client, run, inUseCollector, inUseFile, timeProvider).RunAsync(options, task, context.Stop));
        }
        catch (Exception ex)
        {
            throw await session.FailAsync(ex);
        }

        var failed = run.RepositoriesWithFailures;
        run.Complete(failed > 0 ? RunStatus.PartialFailure : RunStatus.Succeeded);
        await session.PublishAsync();
        if (failed > 0)
        {
            throw new CakeException(ExitCodes.PartialFailure, $"{failed} of {run.Repositories.Count} repositories had failures (listed above and in {session.Report.Path}). Fix the cause and run the same command again: what is done stays done.");
        }
    }
}
