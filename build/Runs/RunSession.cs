using Build.Output;
using Cake.Core;
using EcrUtils.Ecr;
using EcrUtils.Options;
using EcrUtils.Reporting;
using EcrUtils.Results;
using EcrUtils.Sandbox;

namespace Build.Runs;

/// <summary>
/// What a task's run holds from its start to its end: its options, the sandbox (when asked for: started before any
/// client, so that the clients call it, and stopped however the run ends), the ECR client, the run's one result and
/// the report that follows it. Every task starts here (<see cref="RunSessions"/>), ends a failure with
/// <see cref="FailAsync"/> and publishes with <see cref="PublishAsync"/>.
/// </summary>
public sealed class RunSession : IAsyncDisposable
{
    internal RunSession(EcrContext context, EcrOptions options, SandboxSession? sandbox, IEcrClient client, RunResult result, ReportWriter report)
    {
        Context = context;
        Options = options;
        Sandbox = sandbox;
        Client = client;
        Result = result;
        Report = report;
    }

    public EcrContext Context { get; }

    public EcrOptions Options { get; }

    public SandboxSession? Sandbox { get; }

    public IEcrClient Client { get; }

    public RunResult Result { get; }

    public ReportWriter Report { get; }

    /// <summary>Records what stopped the run in its report and on the console, and returns what to throw.</summary>
    public Task<CakeException> FailAsync(Exception exception) => RunFailure.EndRunAsync(Context, Sandbox, Result, Report.Path, exception);

    /// <summary>Publishes the finished run: the console, and on GitHub the outputs and the job summary.</summary>
    public Task PublishAsync() => RunOutput.WriteAsync(Context, Sandbox, Result, Report.Path);

    public ValueTask DisposeAsync() => Sandbox?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>Starts the runs of the tasks, each the same way (see <see cref="RunSession"/>).</summary>
public sealed class RunSessions(SandboxStarter sandboxStarter, Lazy<IEcrClient> ecrClient, ReportFactory reports, TimeProvider timeProvider)
{
    /// <summary>Starts a run of <paramref name="task"/> with <paramref name="options"/>, already checked for it.</summary>
    public async Task<RunSession> StartAsync(EcrContext context, EcrTask task, EcrOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sandbox = await sandboxStarter.StartAsync(options, task, context.CancellationToken);
        try
        {
            var client = ecrClient.Value;
            var result = new RunResult(task, options, timeProvider);
            return new RunSession(context, options, sandbox, client, result, reports.Start(options, result));
        }
        catch
        {
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync();
            }

            throw;
        }
    }
}
