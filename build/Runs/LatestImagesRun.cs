using Build.Output;
using Cake.Core;
using EcrUtils;
using EcrUtils.Ecr;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Results;
using EcrUtils.Sandbox;

namespace Build.Runs;

/// <summary>The flow of GetLatestImages: find, report, publish.</summary>
public sealed class LatestImagesRun(SandboxStarter sandboxStarter, Lazy<IEcrClient> ecrClient, ReportFactory reports, TimeProvider timeProvider)
{
    public async Task ExecuteAsync(EcrContext context)
    {
        var options = context.OptionsFor(EcrTask.GetLatestImages);
        // Before any client: the clients of a sandbox run call the sandbox, and it stops however the run ends.
        await using var sandbox = await sandboxStarter.StartAsync(options, EcrTask.GetLatestImages, context.CancellationToken);
        var client = ecrClient.Value;
        var run = new RunResult(EcrTask.GetLatestImages, options, timeProvider);
        var report = reports.Start(options, run);
        IReadOnlyList<LatestImageResult> results;
        try
        {
            results = await ProgressDisplay.RunAsync(
                context,
                "Finding the latest images…",
                () => new GetLatestImagesOperation(client).RunAsync(options, context.CancellationToken));
        }
        catch (Exception ex)
        {
            throw await RunFailure.EndRunAsync(context, sandbox, run, report.Path, ex);
        }

        run.LatestImagesFound(results);
        var missing = results.Where(r => !r.Found).Select(r => r.Repository.Name).ToList();
        run.Complete(missing.Count > 0 ? RunStatus.MissingImages : RunStatus.Succeeded);
        await RunOutput.WriteAsync(context, sandbox, run, report.Path);
        if (missing.Count > 0)
        {
            var fallback = options.FallbackEnvironment is null ? " Use --fallback-environment to fall back to another environment's image." : string.Empty;
            throw new CakeException(ExitCodes.MissingImages, $"No image of environment '{options.Environment}' in: {string.Join(", ", missing)}.{fallback}");
        }
    }
}
