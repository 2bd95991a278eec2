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
        var fallback = options.FallbackEnvironment is null ? " Use --fallback-environment to fall back to another environment's image." : string.Empty;
        var archived = results.Where(r => !r.Found && r.NewerArchived is not null).Select(r => r.Repository.Name).ToList();
        var restore = archived.Count > 0 ? $" In {string.Join(", ", archived)} the environment's images are archived: RestoreImages brings them back." : string.Empty;
        var error = missing.Count > 0 ? $"No image of environment '{options.Environment}' in: {string.Join(", ", missing)}.{fallback}{restore}" : null;
        // The report says why the run did not succeed, as it does for every other failure.
        run.Complete(error is null ? RunStatus.Succeeded : RunStatus.MissingImages, error);
        await RunOutput.WriteAsync(context, sandbox, run, report.Path);
        if (error is not null)
        {
            throw new CakeException(ExitCodes.MissingImages, error);
        }
    }
}
