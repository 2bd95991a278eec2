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
    /// Resolves the named repositories, or all of the registry's repositories, filtered by pattern, resource tags and
    /// exclusions. The result is sorted by name. A repository named with <c>--repository</c> must exist in the registry
    /// asked and survive the filters: one that does not is a usage error that names it, before anything is read.
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

        LeftOut(options.Repositories, candidates, "the registry asked does not hold it: check the name, --registry-id and --region");
        var excluded = options.ExcludeRepositories.ToHashSet(StringComparer.Ordinal);
        List<EcrRepository> selected = [.. candidates.OrderBy(r => r.Name, StringComparer.Ordinal).Where(r => !excluded.Contains(r.Name))];
        LeftOut(options.Repositories, selected, $"--{ArgumentNames.ExcludeRepository} leaves it out");
        if (options.RepositoryPattern is { } pattern)
        {
            selected = [.. selected.Where(r => MatchesPattern(pattern, r.Name))];
            LeftOut(options.Repositories, selected, $"it does not match --{ArgumentNames.RepositoryPattern}");
        }

        if (options.RepositoryTags.Count == 0)
        {
            return selected;
        }

        // One ListTagsForResource per repository, all at once: one after the other, 200 repositories cost 200 round trips.
        var tagged = await ConcurrentReads.ReadAllAsync(
            selected,
            (repository, token) => HasAllTagsAsync(client, repository, options.RepositoryTags, token),
            cancellationToken).ConfigureAwait(false);
        selected = [.. selected.Where((_, i) => tagged[i])];
        LeftOut(options.Repositories, selected, $"it lacks a tag that --{ArgumentNames.RepositoryTag} asks for");
        return selected;
    }

    // A repository the user named and the run would silently skip is a mistake in the command: say which, and why.
    private static void LeftOut(IReadOnlyList<string> named, IReadOnlyList<EcrRepository> kept, string why)
    {
        var names = kept.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var missing = named.Where(n => !names.Contains(n)).ToList();
        if (missing.Count > 0)
        {
            throw new OperationFailedException(
                ExitCodes.UsageError,
                $"--{ArgumentNames.Repository} names {string.Join(", ", missing)}, but {why}. Nothing was read or changed.");
        }
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
