using System.Globalization;

namespace EcrUtils.Reporting;

/// <summary>A count with its noun, singular or plural as the count asks: "1 tag", "2 tags", "0 repositories".</summary>
public static class Quantity
{
    /// <summary>The count and the noun; <paramref name="plural"/> defaults to the singular with an "s".</summary>
    public static string Of(long count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {Noun(count, singular, plural)}");

    /// <summary>Only the noun, for a count shown apart (e.g. in bold).</summary>
    public static string Noun(long count, string singular, string? plural = null) => count == 1 ? singular : plural ?? singular + "s";
}
