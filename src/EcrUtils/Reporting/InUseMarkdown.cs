using System.Globalization;
using System.Text;
using EcrUtils.InUse;
using EcrUtils.Results;

namespace EcrUtils.Reporting;

/// <summary>The job summary's part about the in-use check: a warning when it was off, else the images it kept.</summary>
internal static class InUseMarkdown
{
    public static void Append(RunResult run, StringBuilder markdown)
    {
        switch (run.InUseCheck)
        {
            case { Status: InUseCheckStatus.Off } off:
                markdown.Append(CultureInfo.InvariantCulture, $"\n> [!WARNING]\n> {InUseText.Off(MarkdownText.Escape(off.Message ?? string.Empty))}\n");
                break;
            case { Status: InUseCheckStatus.Done } done:
                var inUse = InUseText.ImagesInUse(run);
                markdown.Append(CultureInfo.InvariantCulture, $"\n{InUseText.Read(done, inUse.Count, count => $"**{count}**")}\n");
                foreach (var (name, image, inUseBy) in inUse)
                {
                    var tags = image.Tags.Count > 0 ? string.Join(", ", image.Tags.Select(t => $"`{MarkdownText.Escape(t)}`")) : $"`{image.Digest}`";
                    markdown.Append(CultureInfo.InvariantCulture, $"- **{MarkdownText.Escape(name)}** {tags}: in use by {MarkdownText.Escape(string.Join(", ", inUseBy))}\n");
                }

                break;
        }
    }
}
