using Build.Output;
using Cake.Core;
using EcrUtils;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Results;

namespace Build.Runs;

/// <summary>The flow of GetLatestImages: find, report, publish.</summary>
public sealed class LatestImagesRun(RunSessions sessions)
{
    public async Task ExecuteAsync(EcrContext context)
    {
        await using var session = await sessions.StartAsync(context, EcrTask.GetLatestImages, context.OptionsFor(EcrTask.GetLatestImages));
        var (options, run) = (session.Options, session.Result);
        IReadOnlyList<LatestImageResult> results;
        try
        {
            results = await ProgressDisplay.RunAsync(
                context,
                "Finding the latest images…",
                () => new GetLatestImagesOperation(session.Client).RunAsync(options, context.CancellationToken));
        }
        catch (Exception ex)
        {
            throw await session.FailAsync(ex);
        }

        run.LatestImagesFound(results);
        var missing = results.Where(r => !r.Found).Select(r => r.Repository.Name).ToList();
        var fallback = options.FallbackEnvironment is null ? " Use --fallback-environment to fall back to another environment's image." : string.Empty;
        var archived = results.Where(r => !r.Found && r.NewerArchived is not null).Select(r => r.Repository.Name).ToList();
        var restore = archived.Count > 0 ? $" In {string.Join(", ", archived)} the environment's images are archived: RestoreImages brings them back." : string.Empty;
        var error = missing.Count > 0 ? $"No image of environment '{options.Environment}' in: {string.Join(", ", missing)}.{fallback}{restore}" : null;
        // The report says why the run did not succeed, as it does for every other failure.
        run.Complete(error is null ? RunStatus.Succeeded : RunStatus.MissingImages, error);
        await session.PublishAsync();
        if (error is not null)
        {
            throw new CakeException(ExitCodes.MissingImages, error);
        }
    }
}
