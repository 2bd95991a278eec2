namespace EcrUtils.Options;

/// <summary>A resource tag that a repository must carry to be worked on (<c>--repository-tag Key=Value</c>).</summary>
/// <param name="Key">The tag key, compared exactly.</param>
/// <param name="Value">The tag value, compared exactly.</param>
public sealed record RepositoryTagFilter(string Key, string Value);
