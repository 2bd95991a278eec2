namespace Build.Hosting;

/// <summary>The task classes found in the context's assembly.</summary>
internal sealed record HostTaskTypes(IReadOnlyList<Type> Types);
