using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace EcrUtils.Tests.Fakes;

/// <summary>
/// JSON written once, while the fake holds its lock, and copied as it is into the answer: a page of 1,000 images costs
/// one pass of a writer instead of a document of 10,000 nodes written out afterwards.
/// </summary>
internal sealed class FakeEcrRawJson
{
    private static readonly JsonTypeInfo<FakeEcrRawJson> s_typeInfo =
        JsonMetadataServices.CreateValueInfo<FakeEcrRawJson>(new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() }, new Converter());

    private readonly byte[] _utf8;

    private FakeEcrRawJson(byte[] utf8) => _utf8 = utf8;

    /// <summary>A node that writes what <paramref name="write"/> wrote: one complete JSON value.</summary>
    public static JsonNode Node(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return JsonValue.Create(new FakeEcrRawJson(buffer.WrittenSpan.ToArray()), s_typeInfo)!;
    }

    private sealed class Converter : JsonConverter<FakeEcrRawJson>
    {
        public override FakeEcrRawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("The fake only writes raw JSON.");

        public override void Write(Utf8JsonWriter writer, FakeEcrRawJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value._utf8, skipInputValidation: true);
    }
}
