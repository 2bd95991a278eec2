namespace EcrUtils.Reporting;

/// <summary>One repository that a deletion run has finished with, and where the run stands.</summary>
/// <param name="Repository">The repository's name.</param>
/// <param name="Finished">How many repositories are finished, this one included.</param>
/// <param name="Repositories">How many repositories the run works on; null if they were never reported.</param>
/// <param name="ImagesToRemove">How many of its images lose the environment (in a preview: would).</param>
/// <param name="TagsRemoved">How many of its environment tags are gone.</param>
/// <param name="Error">Why it failed; null when it did not.</param>
/// <param name="Cancelled">Whether the run was stopped before it was done with the repository.</param>
/// <param name="RemovedByEarlierRun">How many tags the unfinished run before this one left open and this one found gone.</param>
public sealed record RepositoryProgress(
    string Repository, int Finished, int? Repositories, int ImagesToRemove, int TagsRemoved, string? Error, bool Cancelled = false, int RemovedByEarlierRun = 0);
