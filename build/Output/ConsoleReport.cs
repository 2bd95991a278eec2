using System.Globalization;
using EcrUtils.Reporting;
using Spectre.Console;

namespace Build.Output;

/// <summary>The console table of a run, and one closing line that says what happened and where the report is.</summary>
internal static class ConsoleReport
{
    // Redirected output (CI logs, files) has no width; Spectre's default of 80 columns would wrap digests and
    // image references mid-word, which makes them impossible to copy.
    internal const int RedirectedWidth = 200;

    public static void Write(IAnsiConsole console, ReportDocument report, string reportPath)
    {
        if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        if (report.Task == "GetLatestImages")
        {
            WriteLatest(console, report);
        }
        else
        {
            WriteDeletion(console, report);
        }

        console.WriteLine(ClosingLine.For(report, reportPath));
    }

    private static void WriteLatest(IAnsiConsole console, ReportDocument report)
    {
        var table = new Table().Title($"Latest images of {Markup.Escape(report.Environment)}")
            .AddColumns("Repository", "Tag", "Pushed (UTC)", "Pinned image");
        foreach (var latest in report.LatestImages)
        {
            table.AddRow(
                Markup.Escape(latest.Repository),
                latest.Found ? Markup.Escape(latest.Tag + (latest.Fallback ? $" (fallback {latest.Environment})" : string.Empty)) : "[red]no image[/]",
                latest.PushedAt?.ToString("u", CultureInfo.InvariantCulture) ?? string.Empty,
                Markup.Escape(latest.PinnedUri ?? string.Empty));
        }

        console.Write(table);
    }

    private static void WriteDeletion(IAnsiConsole console, ReportDocument report)
    {
        var removed = report.Preview ? "Would remove" : "Removed";
        var table = new Table().Title($"{report.Task} of {Markup.Escape(report.Environment)}{(report.Preview ? " (preview)" : string.Empty)}")
            .AddColumns("Repository", "Kept", removed, "Images deleted", "Reclaimed", "Status");
        foreach (var repository in report.Repositories)
        {
            table.AddRow(
                Markup.Escape(repository.Name),
                repository.ImagesKept.ToString(CultureInfo.InvariantCulture),
                repository.ImagesToRemove.ToString(CultureInfo.InvariantCulture),
                repository.ImagesDeleted.ToString(CultureInfo.InvariantCulture),
                ByteSize.Format(repository.BytesReclaimed),
                repository.Status == "failed" ? "[red]failed[/]" : repository.Status);
        }

        console.Write(table);

        // One line per image, plain text: straight to the console's writer, whole. Rendered by the console, 20,000 lines
        // took a second (it measures every character to wrap at the width), and a wrapped digest cannot be copied.
        var lines = console.Profile.Out.Writer;
        foreach (var repository in report.Repositories)
        {
            foreach (var image in repository.Images)
            {
                if (image.Action != "remove")
                {
                    continue;
                }

                var verb = report.Preview ? "would remove" : image.Outcome;
                lines.WriteLine($"  {repository.Name}: {verb} {string.Join(", ", image.TagsToRemove)} ({image.Digest}){(image.DeletesImage ? ", deleting the image" : string.Empty)}");
                RelatedImageLines.Write(lines, image, report.Preview);
            }
        }

        lines.Flush();

        InUseConsoleLines.Write(console, report);
        foreach (var (name, problem) in report.Repositories.SelectMany(r => r.Problems.Select(p => (r.Name, p))))
        {
            console.MarkupLine(CultureInfo.InvariantCulture, "[red]{0}: {1} {2}: {3}[/]", Markup.Escape(name), Markup.Escape(problem.Tag ?? problem.Digest ?? string.Empty), Markup.Escape(problem.Code), Markup.Escape(problem.Message));
        }

        foreach (var repository in report.Repositories.Where(r => r.Error is not null))
        {
            console.MarkupLine(CultureInfo.InvariantCulture, "[red]{0} failed: {1}[/]", Markup.Escape(repository.Name), Markup.Escape(repository.Error!));
        }
    }
}
