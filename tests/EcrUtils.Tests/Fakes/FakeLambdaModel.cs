namespace EcrUtils.Tests.Fakes;

internal sealed record FakeLambdaFunction(string Name, string PackageType)
{
    public Dictionary<string, (string? ImageUri, string? ResolvedImageUri)> Versions { get; } = new(StringComparer.Ordinal);

    public List<FakeLambdaAlias> Aliases { get; } = [];
}

internal sealed record FakeLambdaAlias(string Name, string Version, IReadOnlyList<string> WeightedVersions);
