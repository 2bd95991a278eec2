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
            console.MarkupLine(CultureInfo.InvariantCulture, "[yellow]The in-use check was off ({0}): images that ECS or Lambda use were not protected.[/]", Markup.Escape(check.Message ?? string.Empty));
            return;
        }

        if (check.Status != "done")
        {
            return;
        }

        var inUse = report.Repositories.SelectMany(r => r.Images.Where(i => i.InUseBy.Count > 0).Select(i => (r.Name, Image: i))).ToList();
        console.WriteLine(
            $"In-use check: {check.EcsClusters} ECS clusters ({check.EcsServices} services, {check.EcsTasks} running tasks) and "
            + $"{check.LambdaFunctions} Lambda image functions read; {inUse.Count} images in use, all kept.");
        foreach (var (name, image) in inUse)
        {
            console.WriteLine($"  {name}: kept {string.Join(", ", image.Tags)} ({image.Digest}): in use by {string.Join(", ", image.InUseBy)}");
        }
    }
}
