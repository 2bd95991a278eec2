using System.Text.Json.Serialization;
using EcrUtils.Reporting;

namespace Build.Output;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<LatestImageReport>))]
internal sealed partial class OutputJsonContext : JsonSerializerContext;
