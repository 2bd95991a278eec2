using System.Globalization;
using System.Text;
using EcrUtils.InUse;
using EcrUtils.Results;

namespace EcrUtils.Reporting;

/// <summary>
/// The job summary's part about the in-use check: a warning when it was off, else what it read; what the in-use file
/// brought; and the images kept for either.
/// </summary>
internal static class InUseMarkdown
{
    public static void Append(RunResult run, StringBuilder markdown)
    {
        var inUse = InUseText.ImagesInUse(run);
        switch (run.InUseCheck)
        {
            case { Status: InUseCheckStatus.Off } off:
                markdown.Append(CultureInfo.InvariantCulture, $"\n> [!WARNING]\n> {InUseText.Off(MarkdownText.Escape(off.Message ?? string.Empty))}\n");
                break;
            case { Status: InUseCheckStatus.Done } done:
                markdown.Append(CultureInfo.InvariantCulture, $"\n{InUseText.Read(done, inUse.Count, count => $"**{count}**")}\n");
                break;
        }

        if (run.InUseFile is { } file)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"\n{InUseText.File(file, InUseText.ImagesListed(run), MarkdownText.Escape, count => $"**{count}**")}\n");
            if (InUseText.IgnoredLines(file, MarkdownText.Escape) is { } ignored)
            {
                markdown.Append(CultureInfo.InvariantCulture, $"\n{ignored}\n");
            }
        }

        if (run.InUseCheck is not { Status: InUseCheckStatus.Done } && run.InUseFile is null)
        {
            return;
        }

        foreach (var (name, image, inUseBy) in inUse)
        {
            var tags = image.Tags.Count > 0 ? string.Join(", ", image.Tags.Select(t => $"`{MarkdownText.Escape(t)}`")) : $"`{image.Digest}`";
            markdown.Append(CultureInfo.InvariantCulture, $"- **{MarkdownText.Escape(name)}** {tags}: {MarkdownText.Escape(InUseText.UsedBy(inUseBy))}\n");
        }
    }
}
