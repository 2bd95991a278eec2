namespace EcrUtils.Lambda;

/// <summary>An alias of a function and the published versions it routes to (its version and any weighted extra one).</summary>
internal sealed record LambdaAlias(string Name, IReadOnlyList<string> Versions);
