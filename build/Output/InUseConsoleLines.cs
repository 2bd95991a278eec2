using EcrUtils.InUse;
using EcrUtils.Reporting;
using EcrUtils.Results;
using Spectre.Console;

namespace Build.Output;

/// <summary>The console lines of the in-use check: what it read, the images it kept and why, or that it was off.</summary>
internal static class InUseConsoleLines
{
    public static void Write(IAnsiConsole console, RunResult run)
    {
        switch (run.InUseCheck)
        {
            case { Status: InUseCheckStatus.Off } off:
                console.MarkupLine($"[yellow]{InUseText.Off(Markup.Escape(off.Message ?? string.Empty))}[/]");
                break;
            case { Status: InUseCheckStatus.Done } done:
                var inUse = InUseText.ImagesInUse(run);
                console.WriteLine(InUseText.Read(done, inUse.Count, count => count));
                foreach (var (name, image, inUseBy) in inUse)
                {
                    console.WriteLine($"  {name}: kept {string.Join(", ", image.Tags)} ({image.Digest}): in use by {string.Join(", ", inUseBy)}");
                }

                break;
        }
    }
}
