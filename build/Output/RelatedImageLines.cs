using EcrUtils.Operations;
using EcrUtils.Planning;
using EcrUtils.Reporting;
using EcrUtils.Results;

namespace Build.Output;

/// <summary>The console lines of the children and companions that go (or stay) with one image, indented under it.</summary>
internal static class RelatedImageLines
{
    public static void Write(TextWriter lines, ImageResult image, bool preview)
    {
        foreach (var related in image.Related)
        {
            var decision = related.Decision;
            var verb = preview ? (decision.Archives ? "would archive" : decision.Deletes ? "would delete" : "would keep")
                : related.Status == RelatedImageStatus.Planned ? "not reached"
                : ReportProjection.Name(related.Status);
            var kind = decision.Kind == RelatedImageKind.Child ? "child" : "companion";
            var tags = decision.Image.Tags.Count > 0 ? $" {string.Join(", ", decision.Image.Tags)}" : string.Empty;
            lines.WriteLine($"      {verb} {kind}{tags} ({decision.Image.Digest}): {related.Reason}");
        }
    }
}
