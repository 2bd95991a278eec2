using System.Collections;

namespace EcrUtils.Tests.Fakes;

/// <summary>
/// A repository's images in push order, with an index (<see cref="Lookup"/>) kept up to date on every change, so that
/// each call of the fake costs what it touches, not the repository's size, as a real ECR's does. Removal leaves a gap
/// that is closed once gaps outnumber images; pages continue from where the previous page ended. Tests may add and
/// remove images here directly (under <see cref="FakeEcr.Gate"/>); enumerating fails once the collection changed, as a
/// <see cref="List{T}"/>'s does.
/// </summary>
internal sealed class FakeEcrImages : IReadOnlyCollection<FakeEcrImage>
{
    private const int MinGapsToClose = 64;

    private readonly List<FakeEcrImage?> _slots = [];
    private readonly Dictionary<(string Status, bool Tagged), int> _shapes = [];
    private readonly Dictionary<(string TagStatus, string ImageStatus, int Offset), int> _pageEnds = [];
    private int _count;
    private int _version;
    private int _positions;
    private int _pageEndsPositions;

    public int Count => _count;

    public FakeEcrLookup Lookup { get; } = new();

    /// <summary>Pushes <paramref name="image"/> last (tags it holds are not taken from other images: see <see cref="FakeEcr.AddImage"/>).</summary>
    public void Add(FakeEcrImage image)
    {
        image.Attach(this, _slots.Count);
        _slots.Add(image);
        _count++;
        _version++;
        Lookup.Added(image);
        Tally(image.Shape, +1);
    }

    public bool Remove(FakeEcrImage image)
    {
        if (image.Owner != this)
        {
            return false;
        }

        _slots[image.Slot] = null;
        _count--;
        _version++;
        _positions++;
        Lookup.Removed(image);
        Tally(image.Shape, -1);
        image.Detach();
        CloseGaps();
        return true;
    }

    public int RemoveAll(Predicate<FakeEcrImage> match) => FakeEcrCollections.RemoveAll(this, match, Remove);

    /// <summary>
    /// The matches of the filter from the <paramref name="offset"/>th on, at most <paramref name="pageSize"/>, as
    /// <c>Skip(offset).Take(pageSize)</c> over all matches would give; <paramref name="more"/> says whether matches follow.
    /// </summary>
    public List<FakeEcrImage> Page(string tagStatus, string imageStatus, int offset, int pageSize, out bool more)
    {
        var matches = _shapes.Where(s => Matches(s.Key, tagStatus, imageStatus)).Sum(s => s.Value);
        more = offset + pageSize < matches;
        var skip = Math.Max(offset, 0);
        List<FakeEcrImage> page = new(Math.Clamp(matches - skip, 0, pageSize));
        if (skip >= matches)
        {
            return page;
        }

        var slot = StartOf(tagStatus, imageStatus, skip);
        for (; slot < _slots.Count && page.Count < pageSize; slot++)
        {
            if (_slots[slot] is { } image && Matches(image.Shape, tagStatus, imageStatus))
            {
                page.Add(image);
            }
        }

        _pageEnds[(tagStatus, imageStatus, skip + page.Count)] = slot;
        return page;
    }

    public IEnumerator<FakeEcrImage> GetEnumerator()
    {
        var version = _version;
        for (var slot = 0; ; slot++)
        {
            if (version != _version)
            {
                throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
            }

            if (slot >= _slots.Count)
            {
                yield break;
            }

            if (_slots[slot] is { } image)
            {
                yield return image;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void TagAdded(FakeEcrImage image, string tag, (string Status, bool Tagged) before)
    {
        Lookup.TagAdded(image, tag);
        Reshaped(image, before);
    }

    internal void TagRemoved(FakeEcrImage image, string tag, (string Status, bool Tagged) before)
    {
        Lookup.TagRemoved(image, tag);
        Reshaped(image, before);
    }

    /// <summary>Counts the image under its new shape; a page position may now point elsewhere.</summary>
    internal void Reshaped(FakeEcrImage image, (string Status, bool Tagged) before)
    {
        if (image.Shape != before)
        {
            Tally(before, -1);
            Tally(image.Shape, +1);
            _positions++;
        }
    }

    private static bool Matches((string Status, bool Tagged) shape, string tagStatus, string imageStatus) =>
        (imageStatus == "ANY" || shape.Status == imageStatus) && (tagStatus == "ANY" || (tagStatus == "TAGGED") == shape.Tagged);

    private void Tally((string Status, bool Tagged) shape, int delta)
    {
        var count = _shapes.GetValueOrDefault(shape) + delta;
        if (count == 0)
        {
            _shapes.Remove(shape);
        }
        else
        {
            _shapes[shape] = count;
        }
    }

    // Where the previous page ended, if nothing before it changed since (a push only appends); else counted from the start.
    private int StartOf(string tagStatus, string imageStatus, int skip)
    {
        if (_pageEndsPositions != _positions)
        {
            _pageEnds.Clear();
            _pageEndsPositions = _positions;
        }

        if (skip == 0)
        {
            return 0;
        }

        if (_pageEnds.TryGetValue((tagStatus, imageStatus, skip), out var end))
        {
            return end;
        }

        var slot = 0;
        for (var seen = 0; seen < skip; slot++)
        {
            if (_slots[slot] is { } image && Matches(image.Shape, tagStatus, imageStatus))
            {
                seen++;
            }
        }

        return slot;
    }

    // Closing gaps renumbers slots: paid for by the removals that made the gaps.
    private void CloseGaps()
    {
        var gaps = _slots.Count - _count;
        if (gaps < MinGapsToClose || gaps < _count)
        {
            return;
        }

        _slots.RemoveAll(image => image is null);
        for (var slot = 0; slot < _slots.Count; slot++)
        {
            _slots[slot]!.Slot = slot;
        }

        _positions++;
    }
}
