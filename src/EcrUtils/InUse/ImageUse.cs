namespace EcrUtils.InUse;

/// <summary>One image reference that a workload uses, or that a line of the in-use file lists.</summary>
/// <param name="Reference">The image.</param>
/// <param name="UsedBy">
/// Who uses it, for people: <c>cluster/service</c> for ECS, <c>function:alias</c> for Lambda, <c>listed in PATH line N</c>
/// for a line of the in-use file.
/// </param>
public sealed record ImageUse(ImageReference Reference, string UsedBy)
{
    // Names of ECS clusters, services, groups and tasks and of Lambda functions and aliases hold no space.
    private const string ListedIn = "listed in ";

    /// <summary>The image that line <paramref name="line"/> of the in-use file <paramref name="path"/> lists.</summary>
    public static ImageUse Listed(ImageReference reference, string path, int line) => new(reference, $"{ListedIn}{path} line {line}");

    /// <summary>Whether <paramref name="usedBy"/> is a line of the in-use file rather than a workload.</summary>
    public static bool IsListing(string usedBy)
    {
        ArgumentNullException.ThrowIfNull(usedBy);
        return usedBy.StartsWith(ListedIn, StringComparison.Ordinal);
    }
}
