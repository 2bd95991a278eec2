namespace EcrUtils.IntegrationTests;

/// <summary>Repositories to create, then images to push in order, in one request.</summary>
public sealed record MotoSeed
{
    public IReadOnlyList<SeedRepository> Repositories { get; init; } = [];

    public IReadOnlyList<SeedImage> Images { get; init; } = [];
}
