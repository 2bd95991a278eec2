using EcrUtils.Ecr;
using EcrUtils.Options;
using EcrUtils.Planning;

namespace EcrUtils.Operations;

/// <summary>Finds the newest image of an environment in each repository of the scope.</summary>
public sealed class GetLatestImagesOperation(IEcrClient client)
{
    /// <summary>Runs the operation; results are in repository order.</summary>
    public async Task<IReadOnlyList<LatestImageResult>> RunAsync(EcrOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environment = options.Environment ?? throw new ArgumentException("The environment is required.", nameof(options));
        var rules = options.CreateTagRules(environment);
        var fallbackRules = options.FallbackEnvironment is { } fallback ? options.CreateTagRules(fallback) : null;

        var repositories = await RepositoryResolver.ResolveAsync(client, options, cancellationToken).ConfigureAwait(false);
        var results = new LatestImageResult[repositories.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, repositories.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallel, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var repository = repositories[index];

                // Page by page, while the next page is on its way: only the newest image so far is kept.
                (LatestImage? Active, LatestImage? Archived) newestSoFar = (null, null);
                LatestImage? fallbackNewest = null;
                await foreach (var page in client.DescribeImagesAsync(options.RegistryId, repository.Name, token).ConfigureAwait(false))
                {
                    newestSoFar = LatestImageSelector.SelectWithArchived(newestSoFar, page, rules);
                    if (fallbackRules is not null)
                    {
                        fallbackNewest = LatestImageSelector.Select(fallbackNewest, page, fallbackRules);
                    }
                }

                var (newest, newestArchived) = newestSoFar;
                var result = newest is { } latest ? new LatestImageResult(repository, latest, rules.Environment, IsFallback: false)
                    : fallbackRules is not null && fallbackNewest is { } fallbackLatest ? new LatestImageResult(repository, fallbackLatest, fallbackRules.Environment, IsFallback: true)
                    : new LatestImageResult(repository, null, null, IsFallback: false);
                results[index] = newestArchived is { } archived && (newest is null || archived.Image.PushedAt > newest.Image.PushedAt)
                    ? result with { NewerArchived = archived }
                    : result;
            }).ConfigureAwait(false);

        return results;
    }
}
