namespace EcrUtils.Results;

/// <summary>What one event of a run changed.</summary>
/// <param name="Repository">The repository it changed; null when it changed the run as a whole.</param>
/// <param name="Images">The images of <paramref name="Repository"/> it changed (empty when only its state or problems did).</param>
/// <param name="RepositoryFinished">Whether it finished <paramref name="Repository"/> (once per repository).</param>
public sealed record RunChange(RepositoryResult? Repository, IReadOnlyList<ImageResult> Images, bool RepositoryFinished = false)
{
    /// <summary>A change of the run as a whole: its status, the in-use check and file, the latest images.</summary>
    public static RunChange OfRun { get; } = new(null, []);
}
