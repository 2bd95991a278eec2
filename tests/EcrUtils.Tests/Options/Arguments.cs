namespace EcrUtils.Tests.Options;

/// <summary>Builds arguments the way Cake hands them over.</summary>
internal static class Arguments
{
    /// <summary>Each entry is <c>name=value</c>, or a bare <c>name</c>, which Cake gives the value <c>true</c>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(params string[] entries)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var separator = entry.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? entry : entry[..separator];
            var value = separator < 0 ? "true" : entry[(separator + 1)..];
            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }

            list.Add(value);
        }

        return values.ToDictionary(pair => pair.Key, IReadOnlyList<string> (pair) => pair.Value, StringComparer.Ordinal);
    }
}
