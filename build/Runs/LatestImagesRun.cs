using Build.Output;
using Cake.Core;
using EcrUtils;
using EcrUtils.Ecr;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Sandbox;

namespace Build.Runs;

/// <summary>The flow of GetLatestImages: find, report, publish.</summary>
public sealed class LatestImagesRun(SandboxStarter sandboxStarter, Lazy<IEcrClient> ecrClient, ReportFactory reports)
{
    public async Task ExecuteAsync(EcrContext context)
    {
        var options = context.OptionsFor(EcrTask.GetLatestImages);
        // Before any client: the clients of a sandbox run call the sandbox, and it stops however the run ends.
        await using var sandbox = await sandboxStarter.StartAsync(options, EcrTask.GetLatestImages, context.CancellationToken);
        var client = ecrClient.Value;
        var report = reports.Create(options, EcrTask.GetLatestImages);
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
            throw await RunFailure.EndRunAsync(context, sandbox, report, ex);
        }

        report.LatestImages(results);
        var missing = results.Where(r => !r.Found).Select(r => r.Repository.Name).ToList();
        report.Complete(missing.Count > 0 ? "missing-images" : "succeeded");
        await RunOutput.WriteAsync(context, sandbox, report);
        if (missing.Count > 0)
        {
            var fallback = options.FallbackEnvironment is null ? " Use --fallback-environment to fall back to another environment's image." : string.Empty;
            throw new CakeException(ExitCodes.MissingImages, $"No image of environment '{options.Environment}' in: {string.Join(", ", missing)}.{fallback}");
        }
    }
}
