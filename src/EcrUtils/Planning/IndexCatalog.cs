namespace EcrUtils.Planning;

/// <summary>
/// The child manifests of a repository's image indexes, as read from the indexes' manifests. An index that is not
/// in the catalog has unknown children: whatever it may reference must be treated as still needed.
/// </summary>
public sealed class IndexCatalog
{
    private readonly Dictionary<string, IReadOnlyList<string>> _children;

    /// <summary>Creates a catalog from index digests and the digests of their children.</summary>
    public IndexCatalog(IReadOnlyDictionary<string, IReadOnlyList<string>> childrenByIndex)
    {
        ArgumentNullException.ThrowIfNull(childrenByIndex);
        _children = new Dictionary<string, IReadOnlyList<string>>(childrenByIndex, StringComparer.Ordinal);
    }

    /// <summary>A catalog that knows no index.</summary>
    public static IndexCatalog Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>The indexes whose children are known.</summary>
    public IReadOnlyCollection<string> Indexes => _children.Keys;

    /// <summary>Whether the children of the index <paramref name="indexDigest"/> are known.</summary>
    public bool Knows(string indexDigest) => _children.ContainsKey(indexDigest);

    /// <summary>The children of the index <paramref name="indexDigest"/>; empty when it is not known.</summary>
    public IReadOnlyList<string> ChildrenOf(string indexDigest) =>
        _children.TryGetValue(indexDigest, out var children) ? children : [];

    /// <summary>This catalog with more indexes.</summary>
    public IndexCatalog With(IReadOnlyDictionary<string, IReadOnlyList<string>> more)
    {
        ArgumentNullException.ThrowIfNull(more);
        var merged = new Dictionary<string, IReadOnlyList<string>>(_children, StringComparer.Ordinal);
        foreach (var (index, children) in more)
        {
            merged[index] = children;
        }

        return new IndexCatalog(merged);
    }
}
