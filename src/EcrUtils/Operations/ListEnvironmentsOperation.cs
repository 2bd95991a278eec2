using System.Collections.Concurrent;
using EcrUtils.Ecr;
using EcrUtils.Images;
using EcrUtils.InUse;
using EcrUtils.Options;
using EcrUtils.Planning;

namespace EcrUtils.Operations;

/// <summary>
/// ListEnvironments: which environments the repositories of the scope hold, read-only. A tag's environment follows the
/// deleting tasks' rule (<see cref="EnvironmentFinder"/>); what tearing an environment down would reclaim is what
/// DeleteAllImages of it would delete, planned by the same planner, in-use protection and index rules as a
/// <c>DeleteAllImages --preview</c>. An environment is stale when <c>--stale-after</c> is given, its newest push and its
/// last recorded pull are both longer ago, and none of its images is in use or protected.
/// </summary>
public sealed class ListEnvironmentsOperation(
    IEcrClient client, IDeletionRecorder recorder, IInUseCollector? inUseCollector = null, InUseFile? inUseFile = null, TimeProvider? timeProvider = null)
{
    /// <summary>Lists the environments; reads only.</summary>
    public async Task<EnvironmentListing> RunAsync(EcrOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var finder = EnvironmentFinder.Create(options.TagPattern);
        await using var check = RunningInUseCheck.Start(inUseCollector, options, recorder, cancellationToken);
        var repositories = await RepositoryResolver.ResolveAsync(client, options, cancellationToken).ConfigureAwait(false);
        recorder.RepositoriesFound(repositories);
        await check.RepositoriesFoundAsync(inUseFile, repositories, recorder).ConfigureAwait(false);

        // Each environment's rules once, whichever repositories hold it.
        var rules = new ConcurrentDictionary<string, TagRules>(StringComparer.Ordinal);
        var found = new RepositoryEnvironments[repositories.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, repositories.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallel, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var repository = repositories[index];
                var images = await ImageSnapshot.ReadAsync(client, options.RegistryId, repository.Name, token).ConfigureAwait(false);
                var inUse = await check.ImagesInUseAsync(token).ConfigureAwait(false);
                found[index] = await SummarizeAsync(options, finder, name => rules.GetOrAdd(name, options.CreateTagRules), repository, images, inUse, token).ConfigureAwait(false);
            }).ConfigureAwait(false);

        // A check that cannot run fails the listing as it fails a deletion: "in use" would be unknown.
        await check.EndAsync().ConfigureAwait(false);
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var environments = found.SelectMany(f => f.Environments)
            .GroupBy(e => e.Name, StringComparer.Ordinal)
            .Select(g => Merge(g.Key, [.. g], options.StaleAfter, now))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        return new EnvironmentListing(environments, found.Sum(f => f.ImagesWithoutEnvironment));
    }

    // One repository: its images by environment, and for each environment what DeleteAllImages of it would do here.
    private async Task<RepositoryEnvironments> SummarizeAsync(
        EcrOptions options,
        EnvironmentFinder finder,
        Func<string, TagRules> rulesOf,
        EcrRepository repository,
        IReadOnlyList<EcrImage> images,
        InUseImages? inUse,
        CancellationToken cancellationToken)
    {
        var byEnvironment = new Dictionary<string, List<EcrImage>>(StringComparer.Ordinal);
        var environmentsOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var without = 0;
        foreach (var image in images)
        {
            var names = image.Tags
                .Where(tag => !CompanionTags.TryGetSubject(tag, out _))
                .Select(finder.Find)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList();
            environmentsOf[image.Digest] = names.Count;
            without += names.Count == 0 ? 1 : 0;
            foreach (var name in names.Where(n => options.EnvironmentPattern?.IsMatch(n) ?? true))
            {
                if (!byEnvironment.TryGetValue(name, out var own))
                {
                    byEnvironment[name] = own = [];
                }

                own.Add(image);
            }
        }

        var catalog = IndexCatalog.Empty;
        var summaries = new List<EnvironmentSummary>(byEnvironment.Count);
        foreach (var (name, own) in byEnvironment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            // As DeleteAllImages --environment=name --preview plans this repository.
            var rules = rulesOf(name);
            var related = new RelatedImageCleanup(client, options.RegistryId, repository, rules, recorder, catalog);
            var plan = await RepositoryRun.FinishPlanAsync(
                client, options.RegistryId, repository, images, DeleteAllPlanner.Plan(own, rules), inUse, related, cancellationToken).ConfigureAwait(false);
            catalog = related.Catalog;
            var cleanup = related.PlanAhead(plan);
            summaries.Add(new EnvironmentSummary(
                name,
                [repository.Name],
                own.Count,
                own.Count(image => environmentsOf[image.Digest] > 1),
                plan.ImagesDeleted + cleanup.Deletions.Count,
                plan.BytesReclaimed + cleanup.BytesReclaimed,
                own.Max(image => image.PushedAt),
                own.Max(image => image.LastRecordedPullTime),
                [.. plan.Decisions.SelectMany(d => d.InUseBy).Distinct(StringComparer.Ordinal)],
                own.Count(image => !image.IsActive),
                own.Any(image => image.Tags.Any(rules.IsProtectedTag)),
                Stale: false));
        }

        return new RepositoryEnvironments(summaries, without);
    }

    private static EnvironmentSummary Merge(string name, List<EnvironmentSummary> parts, TimeSpan? staleAfter, DateTimeOffset now)
    {
        var newestPush = parts.Max(p => p.NewestPush);
        var lastPull = parts.Max(p => p.LastPull);
        var inUseBy = parts.SelectMany(p => p.InUseBy).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var isProtected = parts.Any(p => p.Protected);
        var stale = staleAfter is { } after
            && newestPush < now - after
            && (lastPull is null || lastPull < now - after)
            && inUseBy.Count == 0
            && !isProtected;
        return new EnvironmentSummary(
            name,
            [.. parts.SelectMany(p => p.Repositories).Order(StringComparer.Ordinal)],
            parts.Sum(p => p.Images),
            parts.Sum(p => p.SharedImages),
            parts.Sum(p => p.ReclaimableImages),
            parts.Sum(p => p.ReclaimableBytes),
            newestPush,
            lastPull,
            inUseBy,
            parts.Sum(p => p.ArchivedImages),
            isProtected,
            stale);
    }

    private sealed record RepositoryEnvironments(IReadOnlyList<EnvironmentSummary> Environments, int ImagesWithoutEnvironment);
}
