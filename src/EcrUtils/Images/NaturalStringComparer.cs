namespace EcrUtils.Images;

/// <summary>
/// Orders strings so that runs of digits compare by their numeric value (<c>env-9</c> before <c>env-17</c>);
/// everything else compares ordinally. <see langword="null"/> comes first.
/// </summary>
internal sealed class NaturalStringComparer : IComparer<string?>
{
    public static NaturalStringComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var i = 0;
        var j = 0;
        while (i < x.Length && j < y.Length)
        {
            int order;
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                order = CompareNumbers(ReadDigits(x, ref i), ReadDigits(y, ref j));
            }
            else
            {
                order = x[i].CompareTo(y[j]);
                i++;
                j++;
            }

            if (order != 0)
            {
                return order;
            }
        }

        var byRest = (x.Length - i).CompareTo(y.Length - j);

        // Equal numbers written differently ("07" and "7") still need a stable order.
        return byRest != 0 ? byRest : string.CompareOrdinal(x, y);
    }

    private static ReadOnlySpan<char> ReadDigits(string s, ref int index)
    {
        var start = index;
        while (index < s.Length && char.IsAsciiDigit(s[index]))
        {
            index++;
        }

        return s.AsSpan(start, index - start).TrimStart('0');
    }

    // Compared as text so that numbers of any length work (no overflow).
    private static int CompareNumbers(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        var byLength = x.Length.CompareTo(y.Length);
        return byLength != 0 ? byLength : x.SequenceCompareTo(y);
    }
}
