using EcrUtils.InUse;
using EcrUtils.Reporting;
using EcrUtils.Results;
using Spectre.Console;

namespace Build.Output;

/// <summary>
/// The console lines of the in-use check and file: what the check read (or that it was off), what the file brought and
/// which of its lines were ignored, and the images kept and why.
/// </summary>
internal static class InUseConsoleLines
{
    public static void Write(IAnsiConsole console, RunResult run)
    {
        var inUse = InUseText.ImagesInUse(run);
        switch (run.InUseCheck)
        {
            case { Status: InUseCheckStatus.Off } off:
                console.MarkupLine($"[yellow]{InUseText.Off(Markup.Escape(off.Message ?? string.Empty))}[/]");
                break;
            case { Status: InUseCheckStatus.Done } done:
                console.WriteLine(InUseText.Read(done, inUse.Count, count => count));
                break;
        }

        if (run.InUseFile is { } file)
        {
            console.WriteLine(InUseText.File(file, InUseText.ImagesListed(run), text => text, count => count));
            if (InUseText.IgnoredLines(file, text => text) is { } ignored)
            {
                console.WriteLine(ignored);
            }
        }

        if (run.InUseCheck is not { Status: InUseCheckStatus.Done } && run.InUseFile is null)
        {
            return;
        }

        foreach (var (name, image, inUseBy) in inUse)
        {
            console.WriteLine($"  {name}: kept {string.Join(", ", image.Tags)} ({image.Digest}): {InUseText.UsedBy(inUseBy)}");
        }
    }
}
