using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EcrUtils.Reporting;

/// <summary>
/// How the report and its journal are written. Relaxed escaping keeps regexes and tags readable in the file ("+" rather
/// than "\u002B"); the report is never embedded in HTML. Indented while small, for people; compact once large (and in
/// the journal), for tools: indenting made a large report half as large again and twice as slow to write.
/// </summary>
internal static class ReportJson
{
    private static JsonSerializerOptions? s_compact;

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    // Built on first use: most runs never write a large report, and building the options' metadata costs start-up time.
    public static JsonSerializerOptions Compact => s_compact ??= Create(indented: false);

    /// <summary>For a journal line: compact, with the report's escaping.</summary>
    public static JsonWriterOptions CompactWriter { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    /// <summary>
    /// Writes a journal line with the context's own options: the escaping and layout are the writer's, and the options
    /// then allow the code generated for these types to write them directly (about twice as fast as through the
    /// serializer's metadata, which options with an encoder of their own require).
    /// </summary>
    public static void Write(Utf8JsonWriter writer, RepositoryReport line) =>
        JsonSerializer.Serialize(writer, line, ReportJsonContext.Default.RepositoryReport);

    private static JsonSerializerOptions Create(bool indented) => new(ReportJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = indented,
    };
}
