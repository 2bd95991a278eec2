using EcrUtils.Images;

namespace EcrUtils.Planning;

/// <summary>
/// The one definition of "newest": push time descending; for equal push times (registries may store whole seconds)
/// the greatest non-floating environment tag in natural order descending (<c>env-17</c> before <c>env-9</c>),
/// then the digest in ordinal order, so that every run ranks the same images the same way.
/// </summary>
internal sealed class NewestFirstComparer : IComparer<RankedImage>
{
    public static NewestFirstComparer Instance { get; } = new();

    public int Compare(RankedImage? x, RankedImage? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return 1;
        }

        if (y is null)
        {
            return -1;
        }

        var byPushTime = y.Image.PushedAt.CompareTo(x.Image.PushedAt);
        if (byPushTime != 0)
        {
            return byPushTime;
        }

        var byTag = NaturalStringComparer.Instance.Compare(y.GreatestFixedTag, x.GreatestFixedTag);
        return byTag != 0 ? byTag : string.CompareOrdinal(x.Image.Digest, y.Image.Digest);
    }
}
