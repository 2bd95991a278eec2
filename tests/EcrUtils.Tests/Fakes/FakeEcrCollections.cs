namespace EcrUtils.Tests.Fakes;

/// <summary>List-like removal for the fake's own collections, which must hear of every item that leaves.</summary>
internal static class FakeEcrCollections
{
    /// <summary>Removes, one by one through <paramref name="remove"/>, every item that matches; returns how many.</summary>
    public static int RemoveAll<T>(IEnumerable<T> items, Predicate<T> match, Func<T, bool> remove)
    {
        // Collected first: removing while enumerating would change the collection under the enumerator.
        List<T> matching = [.. items.Where(item => match(item))];
        foreach (var item in matching)
        {
            remove(item);
        }

        return matching.Count;
    }
}
