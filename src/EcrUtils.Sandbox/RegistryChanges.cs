namespace EcrUtils.Sandbox;

/// <summary>
/// What a run changed in the sandbox registry, image by image, from the state before and after it: deletions, tags
/// removed, and images archived or restored (a restore under way counts as restored).
/// </summary>
internal sealed record RegistryChanges(
    IReadOnlyList<RepositoryChanges> Repositories, int ImagesDeleted, int TagsRemoved, long BytesFreed, int ImagesArchived = 0, int ImagesRestored = 0)
{
    public bool Any => ImagesDeleted > 0 || TagsRemoved > 0 || Repositories.Any(r => r.Changed);

    public static RegistryChanges Compare(RegistryState before, RegistryState after)
    {
        var afterImages = after.Repositories.ToDictionary(
            r => r.Name,
            r => r.Images.ToDictionary(i => i.Digest, StringComparer.Ordinal),
            StringComparer.Ordinal);
        var repositories = new List<RepositoryChanges>();
        var (deleted, tagsRemoved, bytesFreed, archived, restored) = (0, 0, 0L, 0, 0);
        foreach (var repository in before.Repositories)
        {
            var now = afterImages.GetValueOrDefault(repository.Name) ?? [];
            var rows = new List<ImageChange>();
            foreach (var row in RegistryRows.Of(repository))
            {
                var gone = !now.TryGetValue(row.Digest, out var current);
                IReadOnlyList<string> lost = [.. row.Tags.Where(t => gone || !current!.Tags.Contains(t, StringComparer.Ordinal))];
                var newStatus = !gone && current!.Status != row.Status ? current.Status : null;
                rows.Add(new ImageChange(row, gone, lost, newStatus));
                archived += newStatus == ImageStatuses.Archived ? 1 : 0;
                restored += newStatus is not null && row.Status == ImageStatuses.Archived && newStatus != ImageStatuses.Archived ? 1 : 0;
                deleted += gone ? 1 : 0;
                tagsRemoved += lost.Count;
                bytesFreed += gone ? repository.Images.First(i => i.Digest == row.Digest).Size ?? 0 : 0;
            }

            var added = now.Keys.Except(repository.Images.Select(i => i.Digest), StringComparer.Ordinal).Count();
            repositories.Add(new RepositoryChanges(repository.Name, rows, added));
        }

        return new RegistryChanges(repositories, deleted, tagsRemoved, bytesFreed, archived, restored);
    }
}
