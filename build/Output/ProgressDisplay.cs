using System.Globalization;
using Cake.Core.Diagnostics;
using EcrUtils.Reporting;
using EcrUtils.Results;
using Spectre.Console;

namespace Build.Output;

/// <summary>
/// Progress while a run works: a live status line in a terminal, one plain line per finished repository otherwise
/// (CI logs and files keep every line, so an animation would only fill them).
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs a deletion with progress read from <paramref name="result"/> as it changes.</summary>
    public static async Task RunDeletionAsync(EcrContext context, RunResult result, Func<Task> run)
    {
        var preview = result.Preview;
        if (!Interactivity.IsInteractive(context))
        {
            // Quiet: the closing line says it all, once.
            if (context.Log.Verbosity > Verbosity.Quiet)
            {
                // Whole lines, straight to the writer: a line wrapped at the console's width cannot be searched for.
                var writer = context.Console.Profile.Out.Writer;
                result.Observe(new RunProgress(_ => { }, finished => writer.WriteLine(Line(finished, preview))));
            }

            await run();
            return;
        }

        await context.Console.Status().StartAsync(
            "Reading the repositories…",
            status =>
            {
                result.Observe(new RunProgress(progress => status.Status(Markup.Escape(Describe(progress, preview))), _ => { }));
                return run();
            });
    }

    /// <summary>Runs work that reports no progress of its own, with a live status line in a terminal.</summary>
    public static async Task<T> RunAsync<T>(EcrContext context, string activity, Func<Task<T>> run) =>
        Interactivity.IsInteractive(context)
            ? await context.Console.Status().StartAsync(Markup.Escape(activity), _ => run())
            : await run();

    private static string Describe(DeletionProgress progress, bool preview)
    {
        if (progress.Repositories is not { } total)
        {
            return "Reading the repositories…";
        }

        var failed = progress.Failed > 0 ? $", {progress.Failed} failed" : string.Empty;
        return preview
            ? string.Create(CultureInfo.InvariantCulture, $"Planning: {progress.Finished} of {Quantity.Of(total, "repository", "repositories")} done{failed}…")
            : string.Create(CultureInfo.InvariantCulture, $"Deleting: {progress.Finished} of {Quantity.Of(total, "repository", "repositories")} done, {Quantity.Of(progress.TagsRemoved, "tag")} removed{failed}…");
    }

    private static string Line(RepositoryProgress finished, bool preview)
    {
        var position = finished.Repositories is { } total ? $"[{finished.Finished}/{total}]" : $"[{finished.Finished}]";
        var outcome = finished.Error is { } error ? $"failed: {error}"
            : finished.Cancelled ? finished.TagsRemoved == 0 ? "cancelled before anything was removed"
                : $"cancelled after {Quantity.Of(finished.TagsRemoved, "tag")} removed, of {Quantity.Of(finished.ImagesToRemove, "image")} to remove"
            : finished.ImagesToRemove == 0 ? "nothing to remove"
            : preview ? $"planned, {Quantity.Of(finished.ImagesToRemove, "image")} would lose the environment"
            : $"done, {Quantity.Of(finished.TagsRemoved, "tag")} removed from {Quantity.Of(finished.ImagesToRemove, "image")}";
        var earlier = finished.RemovedByEarlierRun > 0 ? $"; {Quantity.Of(finished.RemovedByEarlierRun, "tag")} that the run before left open were gone (it removed them)" : string.Empty;
        return $"{position} {finished.Repository}: {outcome}{earlier}";
    }
}
