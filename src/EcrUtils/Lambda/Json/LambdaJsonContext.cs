using System.Text.Json.Serialization;

namespace EcrUtils.Lambda.Json;

// Lambda's REST-JSON uses PascalCase member names, which are the C# names.
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ListFunctionsResponse))]
[JsonSerializable(typeof(GetFunctionResponse))]
[JsonSerializable(typeof(ListAliasesResponse))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext;
