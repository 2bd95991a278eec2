using System.Text.Json.Serialization;
using EcrUtils.Reporting;

namespace Build.Output;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<LatestImageReport>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class OutputJsonContext : JsonSerializerContext;
