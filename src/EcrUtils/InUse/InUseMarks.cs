using EcrUtils.Planning;

namespace EcrUtils.InUse;

/// <summary>
/// Works out every image of a repository that must stay because of the images in use: those in use, the child
/// manifests of an index in use (a pull of the index needs them), and the indexes that list a child in use (deleting
/// the index would leave the child untagged and unlisted, to be cleaned up as an orphan).
/// </summary>
internal static class InUseMarks
{
    public static IReadOnlyDictionary<string, InUseMark> Create(
        IReadOnlyDictionary<string, IReadOnlyList<string>> usersByDigest,
        IndexCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(usersByDigest);
        ArgumentNullException.ThrowIfNull(catalog);
        var marks = usersByDigest.ToDictionary(p => p.Key, p => new InUseMark(p.Value, Reason(p.Value)), StringComparer.Ordinal);

        // Children of indexes in use, and of indexes that are children in turn.
        var pending = new Queue<string>(marks.Keys.Where(catalog.Knows).Order(StringComparer.Ordinal));
        while (pending.TryDequeue(out var index))
        {
            var users = marks[index].UsedBy;
            foreach (var child in catalog.ChildrenOf(index).Where(child => !marks.ContainsKey(child)))
            {
                marks[child] = new InUseMark(users, $"child of index {Short(index)}, {Reason(users)}");
                if (catalog.Knows(child))
                {
                    pending.Enqueue(child);
                }
            }
        }

        // Indexes that list an image in use.
        foreach (var index in catalog.Indexes.Order(StringComparer.Ordinal).Where(index => !marks.ContainsKey(index)))
        {
            if (catalog.ChildrenOf(index).FirstOrDefault(usersByDigest.ContainsKey) is { } child)
            {
                var users = usersByDigest[child];
                marks[index] = new InUseMark(users, $"lists {Short(child)}, {Reason(users)}");
            }
        }

        return marks;
    }

    /// <summary>
    /// <c>in use by a, b and c</c>, beyond <paramref name="shown"/> workloads with how many more, then the lines of the
    /// in-use file: <c>in use by prod/api; listed in in-use.txt line 3</c>, or the line alone.
    /// </summary>
    public static string Reason(IReadOnlyList<string> users, int shown = 3)
    {
        ArgumentNullException.ThrowIfNull(users);
        var workloads = users.Where(user => !ImageUse.IsListing(user)).ToList();
        List<string> parts = [];
        if (workloads.Count > 0)
        {
            parts.Add(workloads.Count <= shown
                ? "in use by " + string.Join(", ", workloads)
                : $"in use by {string.Join(", ", workloads.Take(shown))} and {workloads.Count - shown} more");
        }

        parts.AddRange(users.Where(ImageUse.IsListing));
        return string.Join("; ", parts);
    }

    // sha256:0123456789abcdef… -> sha256:0123456789ab: enough to tell images apart in a reason.
    private static string Short(string digest) => digest.Length > 19 ? digest[..19] : digest;
}
