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

        var lowered = name.ToLowerInvariant();
        var maxDistance = Math.Clamp(lowered.Length / 3, 1, 3);
        var closest = s_candidates
            .Select(candidate => (Candidate: candidate, Distance: Distance(lowered, candidate)))
            .Where(c => c.Distance <= maxDistance)
            .OrderBy(c => c.Distance)
            .Select(c => c.Candidate)
            .FirstOrDefault();
        if (closest is not null)
        {
            return [closest];
        }

        // A shortened name (--repo, --all, --parallel) may stand for several: those it starts, else those it is part of.
        if (lowered.Length < 3)
        {
            return [];
        }

        var starting = s_candidates.Where(candidate => candidate.StartsWith(lowered, StringComparison.Ordinal)).ToList();
        var matching = starting.Count > 0 ? starting : s_candidates.Where(candidate => candidate.Contains(lowered, StringComparison.Ordinal));
        return [.. matching.OrderBy(candidate => candidate.Length).ThenBy(candidate => candidate, StringComparer.Ordinal).Take(MaxSuggestions)];
    }

    /// <summary>The optimal string alignment distance: edits, where swapping two neighbours counts as one.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
