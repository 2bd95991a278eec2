using System.Globalization;
using Cake.Core.Diagnostics;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Planning;
using EcrUtils.Reporting;
using EcrUtils.Results;
using Spectre.Console;

namespace Build.Output;

/// <summary>The console table of a run, and one closing line that says what happened and where the report is.</summary>
internal static class ConsoleReport
{
    // Redirected output (CI logs, files) has no width; Spectre's default of 80 columns would wrap digests and
    // image references mid-word, which makes them impossible to copy.
    internal const int RedirectedWidth = 200;

    // At normal verbosity, a run over thousands of images would bury the table and the closing line: the report has
    // every image, the console the first ones.
    internal const int ImageLines = 50;

    public static void Write(IAnsiConsole console, RunResult run, string reportPath, Verbosity verbosity)
    {
        if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        // Quiet: what went wrong, and the closing line; for scripts that read the last line.
        if (verbosity > Verbosity.Quiet)
        {
            if (run.Task == EcrTask.GetLatestImages)
            {
                WriteLatest(console, run);
            }
            else if (run.Restores is { } restores)
            {
                WriteRestores(console, run, restores);
            }
            else if (run.Task == EcrTask.ListEnvironments)
            {
                WriteEnvironments(console, run);
            }
            else
            {
                WriteDeletion(console, run, verbosity, reportPath);
            }
        }

        WriteProblems(console, run);

        // Whole, like the image lines: wrapped at the width, the report's path could not be copied.
        var writer = console.Profile.Out.Writer;
        writer.WriteLine(ClosingLine.For(run, reportPath));
        writer.Flush();
    }

    private static void WriteEnvironments(IAnsiConsole console, RunResult run)
    {
        if (run.Environments is not { } listing)
        {
            return;
        }

        var table = new Table().Title("Environments, largest reclaimable first")
            .AddColumns("Environment", "Repositories", "Images", "Shared", "Reclaimable", "Newest push (UTC)", "Last pull (UTC)", "In use", "Stale");
        foreach (var environment in ReportProjection.Largest(listing))
        {
            table.AddRow(
                Markup.Escape(environment.Name),
                environment.Repositories.Count.ToString(CultureInfo.InvariantCulture),
                environment.Images.ToString(CultureInfo.InvariantCulture),
                environment.SharedImages.ToString(CultureInfo.InvariantCulture),
                $"{Quantity.Of(environment.ReclaimableImages, "image")}, {ByteSize.Format(environment.ReclaimableBytes)}",
                environment.NewestPush.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                environment.LastPull?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never",
                environment.InUseBy.Count > 0 ? Markup.Escape(string.Join(", ", environment.InUseBy)) : environment.Protected ? "protected" : "no",
                environment.Stale ? "[yellow]stale[/]" : "no");
        }

        console.Write(table);
    }

    private static void WriteRestores(IAnsiConsole console, RunResult run, IReadOnlyList<RestoreResult> restores)
    {
        var table = new Table().Title($"RestoreImages of {Markup.Escape(run.Environment)}{(run.Preview ? " (preview)" : string.Empty)}")
            .AddColumns("Repository", "Tags", "Digest", "Pushed (UTC)", "Size", "Status");
        foreach (var restore in restores)
        {
            var status = run.Preview && restore.Status == RestoreStatus.Planned ? "would restore" : ReportProjection.Name(restore.Status);
            table.AddRow(
                Markup.Escape(restore.Repository.Name),
                Markup.Escape(string.Join(", ", restore.Image.Tags)),
                Markup.Escape(restore.Image.Digest),
                restore.Image.PushedAt.ToString("u", CultureInfo.InvariantCulture),
                ByteSize.Format(restore.Image.SizeInBytes),
                restore.Status == RestoreStatus.Failed ? $"[red]{status}: {Markup.Escape(restore.Message ?? string.Empty)}[/]" : status);
        }

        console.Write(table);
    }

    private static void WriteLatest(IAnsiConsole console, RunResult run)
    {
        var table = new Table().Title($"Latest images of {Markup.Escape(run.Environment)}")
            .AddColumns("Repository", "Tag", "Pushed (UTC)");
        // ECR records pulls daily: the day says it all, and keeps the row narrow enough for the pinned reference.
        var pulls = run.LatestImages.Any(l => l.Latest?.Image.LastRecordedPullTime is not null);
        if (pulls)
        {
            table.AddColumn("Last pull");
        }

        table.AddColumn("Pinned image");
        foreach (var latest in run.LatestImages)
        {
            List<string> cells =
            [
                Markup.Escape(latest.Repository.Name),
                latest.Latest is { } image ? Markup.Escape(image.Tag + (latest.IsFallback ? $" (fallback {latest.Environment})" : string.Empty)) : "[red]no image[/]",
                latest.Latest?.Image.PushedAt.ToString("u", CultureInfo.InvariantCulture) ?? string.Empty,
            ];
            if (pulls)
            {
                cells.Add(latest.Latest?.Image.LastRecordedPullTime?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never");
            }

            cells.Add(Markup.Escape(latest.PinnedUri ?? string.Empty));
            table.AddRow([.. cells]);
        }

        console.Write(table);

        // An archived image is never reported as the latest (it cannot be pulled); a newer one is named with the way back.
        var lines = console.Profile.Out.Writer;
        foreach (var latest in run.LatestImages.Where(l => l.NewerArchived is not null))
        {
            var archived = latest.NewerArchived!;
            var status = archived.Image.IsArchived ? "archived" : "being restored";
            lines.WriteLine(
                $"  {latest.Repository.Name}: a newer image of {run.Environment}, {archived.Tag} ({archived.Image.Digest}), is {status}: "
                + $"./build.sh --target=RestoreImages --environment={run.Environment} --repository={latest.Repository.Name} --image-tag={archived.Tag} --wait brings it back.");
        }

        lines.Flush();
    }

    private static void WriteDeletion(IAnsiConsole console, RunResult run, Verbosity verbosity, string reportPath)
    {
        // "Removed" would say tags in the closing line and images here: the columns say which.
        var (losing, deleted) = run.Preview ? ("Would lose it", "Would delete") : ("Images that lost it", "Images deleted");
        var archives = run.Options.Archive;
        var table = new Table().Title($"{run.Task} of {Markup.Escape(run.Environment)}{(run.Preview ? " (preview)" : string.Empty)}{(archives ? " (archive)" : string.Empty)}")
            .AddColumns("Repository", "Images kept", losing, deleted, "Reclaimed");
        if (archives)
        {
            table.AddColumns(run.Preview ? "Would archive" : "Images archived", "Archived size");
        }

        table.AddColumn("Status");
        foreach (var repository in run.Repositories)
        {
            var status = ReportProjection.Name(repository.Status);
            List<string> cells =
            [
                Markup.Escape(repository.Repository.Name),
                repository.ImagesKept.ToString(CultureInfo.InvariantCulture),
                // What happened, not what was planned: a stopped run shows how far it got.
                (run.Preview ? repository.ImagesToRemove : repository.ImagesRemoved).ToString(CultureInfo.InvariantCulture),
                repository.ImagesDeleted.ToString(CultureInfo.InvariantCulture),
                ByteSize.Format(repository.BytesReclaimed),
            ];
            if (archives)
            {
                cells.Add(repository.ImagesArchived.ToString(CultureInfo.InvariantCulture));
                cells.Add(ByteSize.Format(repository.BytesArchived));
            }

            cells.Add(repository.Status switch
            {
                RepositoryStatus.Failed => $"[red]{status}[/]",
                RepositoryStatus.Cancelled => $"[yellow]{status}[/]",
                _ => status,
            });
            table.AddRow([.. cells]);
        }

        console.Write(table);

        // One line per image, plain text: straight to the console's writer, whole. Rendered by the console, 20,000 lines
        // took a second (it measures every character to wrap at the width), and a wrapped digest cannot be copied.
        var lines = console.Profile.Out.Writer;
        var limit = verbosity switch
        {
            Verbosity.Minimal => 0,
            Verbosity.Normal => ImageLines,
            _ => int.MaxValue,
        };
        var shown = 0;
        foreach (var repository in run.Repositories)
        {
            foreach (var image in repository.Images)
            {
                var decision = image.Decision;
                if (decision.Action == ImageAction.Keep || shown++ >= limit)
                {
                    continue;
                }

                if (decision.Action == ImageAction.Archive)
                {
                    var archive = run.Preview ? "would archive" : ReportProjection.Name(image.Outcome);
                    lines.WriteLine($"  {repository.Repository.Name}: {archive} {decision.Image.Digest} ({string.Join(", ", decision.Image.Tags)}), keeping its tags");
                    RelatedImageLines.Write(lines, image, run.Preview);
                    continue;
                }

                var verb = run.Preview ? "would remove" : ReportProjection.Name(image.Outcome);
                lines.WriteLine($"  {repository.Repository.Name}: {verb} {string.Join(", ", decision.TagsToRemove)} ({decision.Image.Digest}){(decision.DeletesImage ? ", deleting the image" : string.Empty)}");
                RelatedImageLines.Write(lines, image, run.Preview);
            }
        }

        if (shown > limit && limit > 0)
        {
            lines.WriteLine($"  … and {Quantity.Of(shown - limit, "more image")}: every image is in the report, {reportPath} (--verbosity=verbose lists them here).");
        }

        lines.Flush();
        InUseConsoleLines.Write(console, run);
    }

    private static void WriteProblems(IAnsiConsole console, RunResult run)
    {
        foreach (var repository in run.Repositories)
        {
            foreach (var problem in repository.Problems)
            {
                console.MarkupLine(CultureInfo.InvariantCulture, "[red]{0}: {1} {2}: {3}[/]", Markup.Escape(repository.Repository.Name), Markup.Escape(problem.Tag ?? problem.Digest ?? string.Empty), Markup.Escape(problem.Code), Markup.Escape(problem.Message));
            }
        }

        foreach (var repository in run.Repositories.Where(r => r.Error is not null))
        {
            console.MarkupLine(CultureInfo.InvariantCulture, "[red]{0} failed: {1}[/]", Markup.Escape(repository.Repository.Name), Markup.Escape(repository.Error!));
        }
    }
}
