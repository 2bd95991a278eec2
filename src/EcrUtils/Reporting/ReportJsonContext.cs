using System.Text.Json.Serialization;

namespace EcrUtils.Reporting;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ReportDocument))]
[JsonSerializable(typeof(List<LatestImageReport>))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
