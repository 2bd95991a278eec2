using EcrUtils.Reporting;

namespace Build.Output;

/// <summary>The console lines of the children and companions that go (or stay) with one image, indented under it.</summary>
internal static class RelatedImageLines
{
    public static void Write(TextWriter lines, ImageReport image, bool preview)
    {
        foreach (var related in image.Related)
        {
            var verb = preview ? (related.Action == "keep" ? "would keep" : "would delete")
                : related.Outcome == "planned" ? "not reached"
                : related.Outcome;
            var tags = related.Tags.Count > 0 ? $" {string.Join(", ", related.Tags)}" : string.Empty;
            lines.WriteLine($"      {verb} {related.Kind}{tags} ({related.Digest}): {related.Reason}");
        }
    }
}
