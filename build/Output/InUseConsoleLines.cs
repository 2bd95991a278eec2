using System.Globalization;
using EcrUtils.Reporting;
using Spectre.Console;

namespace Build.Output;

/// <summary>The console lines of the in-use check: what it read, the images it kept and why, or that it was off.</summary>
internal static class InUseConsoleLines
{
    public static void Write(IAnsiConsole console, ReportDocument report)
    {
        if (report.InUseCheck is not { } check)
        {
            return;
        }

        if (check.Status == "off")
        {
            console.MarkupLine($"[yellow]{InUseText.Off(Markup.Escape(check.Message ?? string.Empty))}[/]");
            return;
        }

        if (check.Status != "done")
        {
            return;
        }

        var inUse = InUseText.ImagesInUse(report);
        console.WriteLine(InUseText.Read(check, inUse.Count.ToString(CultureInfo.InvariantCulture)));
        foreach (var (name, image) in inUse)
        {
            console.WriteLine($"  {name}: kept {string.Join(", ", image.Tags)} ({image.Digest}): in use by {string.Join(", ", image.InUseBy)}");
        }
    }
}
