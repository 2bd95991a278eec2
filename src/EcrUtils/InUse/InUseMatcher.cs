using EcrUtils.Ecr;

namespace EcrUtils.InUse;

/// <summary>Finds which images of one repository the collected references point at.</summary>
internal static class InUseMatcher
{
    /// <summary>
    /// The users of each image of <paramref name="repository"/> that a reference names: by digest, or by tag through
    /// the repository's snapshot. Only references to the same account, region and repository count (and references of
    /// the in-use file without a registry). Of the in-use file's lines that name one image, the first is its user.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> UsersByDigest(
        EcrRepository repository,
        IEnumerable<EcrImage> images,
        InUseImages inUse)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(inUse);
        var found = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var (accountId, region) = Registry(repository);
        var digestByTag = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            foreach (var tag in image.Tags)
            {
                digestByTag[tag] = image.Digest;
            }
        }

        foreach (var use in inUse.Uses.Where(u => u.Reference.IsIn(accountId, region, repository.Name)))
        {
            var digest = use.Reference.Digest ?? (use.Reference.Tag is { } tag ? digestByTag.GetValueOrDefault(tag) : null);
            if (digest is null)
            {
                // A tag that no image holds any more: nothing of ours to keep for it.
                continue;
            }

            if (!found.TryGetValue(digest, out var users))
            {
                found[digest] = users = new SortedSet<string>(StringComparer.Ordinal);
            }

            // The in-use file's lines come in order: the first line that names an image says why it stays.
            if (!ImageUse.IsListing(use.UsedBy) || !users.Any(ImageUse.IsListing))
            {
                users.Add(use.UsedBy);
            }
        }

        return found.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value], StringComparer.Ordinal);
    }

    /// <summary>
    /// The registry of <paramref name="repository"/>: the repository URI names the registry's host, which gives the
    /// region too. Where it is not an ECR host (an emulator), the region is null and any region counts: keeping too much
    /// is safe, deleting an image in use is not.
    /// </summary>
    public static (string AccountId, string? Region) Registry(EcrRepository repository)
    {
        var slash = repository.Uri.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && ImageReference.TryParseRegistryHost(repository.Uri[..slash], out var accountId, out var region)
            ? (accountId, region)
            : (repository.RegistryId, null);
    }
}
