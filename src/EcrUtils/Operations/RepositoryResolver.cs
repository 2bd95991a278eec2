using System.Text.RegularExpressions;
using EcrUtils.Aws;
using EcrUtils.Ecr;
using EcrUtils.Images;
using EcrUtils.Options;

namespace EcrUtils.Operations;

/// <summary>Turns the scope arguments into the list of repositories a task works on.</summary>
public static class RepositoryResolver
{
    /// <summary>
    /// Resolves the named repositories (all must exist), or all of the registry's repositories filtered by
    /// pattern, resource tags and exclusions. The result is sorted by name.
    /// </summary>
    public static async Task<IReadOnlyList<EcrRepository>> ResolveAsync(IEcrClient client, EcrOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);

        var candidates = new List<EcrRepository>();
        try
        {
            await foreach (var repository in client.DescribeRepositoriesAsync(options.RegistryId, options.AllRepositories ? [] : options.Repositories, cancellationToken).ConfigureAwait(false))
            {
                candidates.Add(repository);
            }
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == "RepositoryNotFoundException")
        {
            throw new OperationFailedException(
                ExitCodes.UsageError,
                $"A repository given with --repository does not exist: {ex.ServiceMessage}. Check the name (and --registry-id/--region), or use --all-repositories.",
                ex);
        }

        var excluded = options.ExcludeRepositories.ToHashSet(StringComparer.Ordinal);
        List<EcrRepository> selected = [.. candidates
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .Where(r => !excluded.Contains(r.Name) && (options.RepositoryPattern is not { } pattern || MatchesPattern(pattern, r.Name)))];
        if (options.RepositoryTags.Count == 0)
        {
            return selected;
        }

        // One ListTagsForResource per repository, all at once: one after the other, 200 repositories cost 200 round trips.
        var tagged = await ConcurrentReads.ReadAllAsync(
            selected,
            (repository, token) => HasAllTagsAsync(client, repository, options.RepositoryTags, token),
            cancellationToken).ConfigureAwait(false);
        return [.. selected.Where((_, i) => tagged[i])];
    }

    // A pattern that runs away is the user's to fix, and nothing has been touched yet: a usage error, not a failure.
    private static bool MatchesPattern(Regex pattern, string name)
    {
        try
        {
            return UserPattern.IsMatch(pattern, name, ArgumentNames.RepositoryPattern);
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new OperationFailedException(ExitCodes.UsageError, ex.Message, ex);
        }
    }

    private static async Task<bool> HasAllTagsAsync(IEcrClient client, EcrRepository repository, IReadOnlyList<RepositoryTagFilter> filters, CancellationToken cancellationToken)
    {
        var tags = await client.ListTagsForResourceAsync(repository.Arn, cancellationToken).ConfigureAwait(false);
        return filters.All(f => tags.Any(t => t.Key == f.Key && t.Value == f.Value));
    }
}
