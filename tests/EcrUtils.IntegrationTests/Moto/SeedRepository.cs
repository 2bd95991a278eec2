namespace EcrUtils.IntegrationTests;

/// <summary>A repository to create, with its resource tags (e.g. <c>Project</c>).</summary>
public sealed record SeedRepository(string Name, IReadOnlyDictionary<string, string>? Tags = null);
