namespace EcrUtils.Ecr;

/// <summary>
/// One instance of each value that the images of a page repeat (media types, statuses): without it, a listing of
/// 100,000 images keeps 100,000 copies of the same few strings for as long as the plan lives.
/// </summary>
internal sealed class ValuePool
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? Share(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (_values.TryGetValue(value, out var shared))
        {
            return shared;
        }

        _values.Add(value, value);
        return value;
    }
}
