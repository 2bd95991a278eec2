namespace EcrUtils.Reporting;

/// <summary>Text inside a Markdown table cell or list item.</summary>
internal static class MarkdownText
{
    public static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
