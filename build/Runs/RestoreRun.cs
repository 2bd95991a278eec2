using Build.Output;
using Cake.Core;
using EcrUtils;
using EcrUtils.Ecr;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Results;
using EcrUtils.Sandbox;

namespace Build.Runs;

/// <summary>The flow of RestoreImages: find the archived images, restore them, (with --wait) wait, report.</summary>
public sealed class RestoreRun(SandboxStarter sandboxStarter, Lazy<IEcrClient> ecrClient, ReportFactory reports, TimeProvider timeProvider)
{
    public async Task ExecuteAsync(EcrContext context)
    {
        var options = context.OptionsFor(EcrTask.RestoreImages);
        await using var sandbox = await sandboxStarter.StartAsync(options, EcrTask.RestoreImages, context.CancellationToken);
        var client = ecrClient.Value;
        var run = new RunResult(EcrTask.RestoreImages, options, timeProvider);
        var report = reports.Start(options, run);
        RestoreOutcome outcome;
        try
        {
            outcome = await ProgressDisplay.RunAsync(
                context,
                options.Wait ? "Restoring, and waiting until the images are active…" : "Restoring…",
                () => new RestoreImagesOperation(client, timeProvider).RunAsync(options, run.RestoresChanged, context.Stop));
        }
        catch (Exception ex)
        {
            throw await RunFailure.EndRunAsync(context, sandbox, run, report.Path, ex);
        }

        var failed = outcome.Images.Count(r => r.Status == RestoreStatus.Failed);
        var (status, exitCode, error) =
            outcome.MissingTags.Count > 0 ? (RunStatus.MissingImages, ExitCodes.MissingImages, $"No image of the scope holds {string.Join(", ", outcome.MissingTags.Select(t => $"'{t}'"))}: check the tag and the repositories (--repository, --all-repositories).")
            : failed > 0 ? (RunStatus.PartialFailure, ExitCodes.PartialFailure, $"{failed} of {outcome.Images.Count} images could not be restored (listed above and in {report.Path}).")
            : outcome.TimedOut ? (RunStatus.Failed, ExitCodes.RestoreTimedOut, $"Some images were still restoring when --wait-timeout passed; ECR goes on restoring them. Run again with --wait, or later.")
            : (RunStatus.Succeeded, ExitCodes.Success, (string?)null);
        run.Complete(status, error);
        await RunOutput.WriteAsync(context, sandbox, run, report.Path);
        if (error is not null)
        {
            throw new CakeException(exitCode, error);
        }
    }
}
