using System.Globalization;
using System.Text;

namespace EcrUtils.Reporting;

/// <summary>The job summary's part about the in-use check: a warning when it was off, else the images it kept.</summary>
internal static class InUseMarkdown
{
    public static void Append(ReportDocument report, StringBuilder markdown)
    {
        if (report.InUseCheck is not { } check)
        {
            return;
        }

        if (check.Status == "off")
        {
            markdown.Append(CultureInfo.InvariantCulture, $"\n> [!WARNING]\n> {InUseText.Off(Escape(check.Message ?? string.Empty))}\n");
            return;
        }

        if (check.Status != "done")
        {
            return;
        }

        var inUse = InUseText.ImagesInUse(report);
        markdown.Append(CultureInfo.InvariantCulture, $"\n{InUseText.Read(check, $"**{inUse.Count}**")}\n");
        foreach (var (name, image) in inUse)
        {
            var tags = image.Tags.Count > 0 ? string.Join(", ", image.Tags.Select(t => $"`{Escape(t)}`")) : $"`{image.Digest}`";
            markdown.Append(CultureInfo.InvariantCulture, $"- **{Escape(name)}** {tags}: in use by {Escape(string.Join(", ", image.InUseBy))}\n");
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
