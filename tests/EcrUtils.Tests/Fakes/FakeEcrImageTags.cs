using System.Collections;

namespace EcrUtils.Tests.Fakes;

/// <summary>
/// An image's tags in the order it got them. Every change goes through here so that the repository's index stays right,
/// including when a test changes tags directly (under the fake's lock), e.g. to race a deletion.
/// </summary>
internal sealed class FakeEcrImageTags(FakeEcrImage image, IEnumerable<string> tags) : IReadOnlyList<string>
{
    private readonly List<string> _tags = [.. tags];

    public int Count => _tags.Count;

    public string this[int index] => _tags[index];

    public bool Contains(string tag) => _tags.Contains(tag);

    public void Add(string tag)
    {
        var before = image.Shape;
        _tags.Add(tag);
        image.Owner?.TagAdded(image, tag, before);
    }

    /// <summary>Removes the first occurrence of <paramref name="tag"/>, as <see cref="List{T}.Remove"/> does.</summary>
    public bool Remove(string tag)
    {
        var before = image.Shape;
        if (!_tags.Remove(tag))
        {
            return false;
        }

        image.Owner?.TagRemoved(image, tag, before);
        return true;
    }

    public int RemoveAll(Predicate<string> match) => FakeEcrCollections.RemoveAll(_tags, match, Remove);

    public List<string>.Enumerator GetEnumerator() => _tags.GetEnumerator();

    IEnumerator<string> IEnumerable<string>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
