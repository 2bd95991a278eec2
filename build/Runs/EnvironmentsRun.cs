using Build.Output;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Results;

namespace Build.Runs;

/// <summary>The flow of ListEnvironments: read, summarize, report. It changes nothing.</summary>
public sealed class EnvironmentsRun(RunSessions sessions, InUseCollectorFactory createInUseCollector, InUseFileReader inUseFiles, TimeProvider timeProvider)
{
    public async Task ExecuteAsync(EcrContext context)
    {
        var options = context.OptionsFor(EcrTask.ListEnvironments);
        var inUseFile = inUseFiles.Read(options);
        await using var session = await sessions.StartAsync(context, EcrTask.ListEnvironments, options);
        var run = session.Result;
        var inUseCollector = createInUseCollector(options);
        try
        {
            var listing = await ProgressDisplay.RunAsync(
                context,
                "Reading the repositories' environments…",
                () => new ListEnvironmentsOperation(session.Client, run, inUseCollector, inUseFile, timeProvider).RunAsync(options, context.CancellationToken));
            run.EnvironmentsFound(listing);
        }
        catch (Exception ex)
        {
            throw await session.FailAsync(ex);
        }

        run.Complete(RunStatus.Succeeded);
        await session.PublishAsync();
    }
}
