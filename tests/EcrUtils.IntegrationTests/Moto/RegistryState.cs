namespace EcrUtils.IntegrationTests;

/// <summary>Every repository of one account and region, ordered by name.</summary>
public sealed record RegistryState(IReadOnlyList<RepositoryState> Repositories)
{
    public RepositoryState Repository(string name) =>
        Repositories.SingleOrDefault(repository => repository.Name == name)
        ?? throw new InvalidOperationException(
            $"Repository '{name}' is not in moto; it has: {string.Join(", ", Repositories.Select(r => r.Name))}.");
}
