using Build.Output;
using Cake.Core;
using EcrUtils;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Results;

namespace Build.Runs;

/// <summary>The flow of RestoreImages: find the archived images, restore them, (with --wait) wait, report.</summary>
public sealed class RestoreRun(RunSessions sessions, TimeProvider timeProvider)
{
    public async Task ExecuteAsync(EcrContext context)
    {
        await using var session = await sessions.StartAsync(context, EcrTask.RestoreImages, context.OptionsFor(EcrTask.RestoreImages));
        var (options, run) = (session.Options, session.Result);
        RestoreOutcome outcome;
        try
        {
            outcome = await ProgressDisplay.RunAsync(
                context,
                options.Wait ? "Restoring, and waiting until the images are active…" : "Restoring…",
                () => new RestoreImagesOperation(session.Client, timeProvider).RunAsync(options, run.RestoresChanged, context.Stop));
        }
        catch (Exception ex)
        {
            throw await session.FailAsync(ex);
        }

        var failed = outcome.Images.Count(r => r.Status == RestoreStatus.Failed);
        var (status, exitCode, error) =
            outcome.MissingTags.Count > 0 ? (RunStatus.MissingImages, ExitCodes.MissingImages, $"No image of the scope holds {string.Join(", ", outcome.MissingTags.Select(t => $"'{t}'"))}: check the tag and the repositories (--repository, --all-repositories).")
            : failed > 0 ? (RunStatus.PartialFailure, ExitCodes.PartialFailure, $"{failed} of {outcome.Images.Count} images could not be restored (listed above and in {session.Report.Path}).")
            : outcome.TimedOut ? (RunStatus.Failed, ExitCodes.RestoreTimedOut, "Some images were still restoring when --wait-timeout passed; ECR goes on restoring them. Run again with --wait, or later.")
            : (RunStatus.Succeeded, ExitCodes.Success, (string?)null);
        run.Complete(status, error);
        await session.PublishAsync();
        if (error is not null)
        {
            throw new CakeException(exitCode, error);
        }
    }
}
