namespace EcrUtils.Lambda.Json;

// Shapes from the Lambda API reference (PascalCase members): https://docs.aws.amazon.com/lambda/latest/api/API_Operations.html
internal sealed record ListFunctionsResponse(IReadOnlyList<FunctionConfigurationDto>? Functions, string? NextMarker);

internal sealed record FunctionConfigurationDto(string? FunctionName, string? PackageType, string? Version);

internal sealed record GetFunctionResponse(FunctionConfigurationDto? Configuration, FunctionCodeLocationDto? Code);

internal sealed record FunctionCodeLocationDto(string? RepositoryType, string? ImageUri, string? ResolvedImageUri);

internal sealed record ListAliasesResponse(IReadOnlyList<AliasConfigurationDto>? Aliases, string? NextMarker);

internal sealed record AliasConfigurationDto(string? Name, string? FunctionVersion, AliasRoutingConfigurationDto? RoutingConfig);

internal sealed record AliasRoutingConfigurationDto(IReadOnlyDictionary<string, double>? AdditionalVersionWeights);
