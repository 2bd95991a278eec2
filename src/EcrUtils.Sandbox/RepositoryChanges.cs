namespace EcrUtils.Sandbox;

/// <summary>One repository's images as they were, each with what became of it.</summary>
/// <param name="Name">The repository's name.</param>
/// <param name="Images">Its images before the run, in display order.</param>
/// <param name="Added">How many images appeared during the run (another pipeline pushed them).</param>
internal sealed record RepositoryChanges(string Name, IReadOnlyList<ImageChange> Images, int Added)
{
    public bool Changed => Added > 0 || Images.Any(i => i.Deleted || i.LostTags.Count > 0 || i.NewStatus is not null);
}
