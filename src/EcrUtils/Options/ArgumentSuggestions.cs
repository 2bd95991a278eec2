namespace EcrUtils.Options;

/// <summary>
/// Explains unknown arguments. Typos must be caught: a misspelt <c>--keep</c> that was silently ignored would
/// keep the default instead, and delete more than intended.
/// </summary>
internal static class ArgumentSuggestions
{
    private const int MaxSuggestions = 4;

    // Names people reach for from other tools, where edit distance would point elsewhere (--dry-run is close to
    // Cake's --dryrun, which only lists the tasks).
    private static readonly Dictionary<string, string> s_familiarNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dry-run"] = ArgumentNames.Preview,
        ["dry_run"] = ArgumentNames.Preview,
    };

    private static readonly string[] s_candidates =
    [
        .. ArgumentNames.All.Order(StringComparer.Ordinal),
        .. ArgumentNames.CakeSwitches.Where(name => name.Length > 2).Order(StringComparer.Ordinal),
    ];

    public static string DescribeUnknown(IReadOnlyList<string> unknownNames)
    {
        var lines = unknownNames.Select(name => Suggest(name) switch
        {
            [] => $"Unknown argument --{name}.",
            [var single] => $"Unknown argument --{name}: did you mean --{single}?",
            var several => $"Unknown argument --{name}: did you mean one of {string.Join(", ", several.Select(s => $"--{s}"))}?",
        }).ToList();
        lines.Add($"EcrUtils takes {string.Join(", ", ArgumentNames.All.Order(StringComparer.Ordinal).Select(n => $"--{n}"))}, besides Cake's own such as --target.");
        return string.Join(System.Environment.NewLine, lines);
    }

    /// <summary>The known names the user most likely meant: the closest one, or else those that contain the name.</summary>
    internal static IReadOnlyList<string> Suggest(string name)
    {
        if (s_familiarNames.TryGetValue(name, out var familiar))
        {
            return [familiar];
        }

        return ClosestNames.Of(name, s_candidates, MaxSuggestions);
    }
}
