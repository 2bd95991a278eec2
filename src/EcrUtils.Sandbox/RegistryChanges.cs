namespace EcrUtils.Sandbox;

/// <summary>What a run changed in the sandbox registry, image by image, from the state before and after it.</summary>
internal sealed record RegistryChanges(IReadOnlyList<RepositoryChanges> Repositories, int ImagesDeleted, int TagsRemoved, long BytesFreed)
{
    public bool Any => ImagesDeleted > 0 || TagsRemoved > 0 || Repositories.Any(r => r.Changed);

    public static RegistryChanges Compare(RegistryState before, RegistryState after)
    {
        var afterImages = after.Repositories.ToDictionary(
            r => r.Name,
            r => r.Images.ToDictionary(i => i.Digest, StringComparer.Ordinal),
            StringComparer.Ordinal);
        var repositories = new List<RepositoryChanges>();
        var (deleted, tagsRemoved, bytesFreed) = (0, 0, 0L);
        foreach (var repository in before.Repositories)
        {
            var now = afterImages.GetValueOrDefault(repository.Name) ?? [];
            var rows = new List<ImageChange>();
            foreach (var row in RegistryRows.Of(repository))
            {
                var gone = !now.TryGetValue(row.Digest, out var current);
                IReadOnlyList<string> lost = [.. row.Tags.Where(t => gone || !current!.Tags.Contains(t, StringComparer.Ordinal))];
                rows.Add(new ImageChange(row, gone, lost));
                deleted += gone ? 1 : 0;
                tagsRemoved += lost.Count;
                bytesFreed += gone ? repository.Images.First(i => i.Digest == row.Digest).Size ?? 0 : 0;
            }

            var added = now.Keys.Except(repository.Images.Select(i => i.Digest), StringComparer.Ordinal).Count();
            repositories.Add(new RepositoryChanges(repository.Name, rows, added));
        }

        return new RegistryChanges(repositories, deleted, tagsRemoved, bytesFreed);
    }
}
