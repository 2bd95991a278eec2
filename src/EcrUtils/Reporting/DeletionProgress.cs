namespace EcrUtils.Reporting;

/// <summary>How far a deletion run has got, for a progress display.</summary>
/// <param name="Repositories">How many repositories the run works on; null until they are known.</param>
/// <param name="Finished">How many repositories are done or failed.</param>
/// <param name="Failed">How many of those failed.</param>
/// <param name="TagsRemoved">How many environment tags are gone so far.</param>
public sealed record DeletionProgress(int? Repositories, int Finished, int Failed, int TagsRemoved);
