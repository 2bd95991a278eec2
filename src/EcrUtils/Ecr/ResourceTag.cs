namespace EcrUtils.Ecr;

/// <summary>A resource tag (key and value) of a repository.</summary>
public sealed record ResourceTag(string Key, string Value);
