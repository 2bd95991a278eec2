namespace EcrUtils.Options;

/// <summary>The names a user most likely meant by one that is unknown: an argument, a task.</summary>
public static class ClosestNames
{
    /// <summary>
    /// The closest of <paramref name="candidates"/> (a few edits away, case aside), or else, for a name of three or
    /// more characters, those it starts or is part of, shortest first; empty when none is near.
    /// </summary>
    public static IReadOnlyList<string> Of(string name, IReadOnlyList<string> candidates, int max = 4)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        var lowered = name.ToLowerInvariant();
        var maxDistance = Math.Clamp(lowered.Length / 3, 1, 3);
        var closest = candidates
            .Select(candidate => (Candidate: candidate, Distance: Distance(lowered, candidate.ToLowerInvariant())))
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

        var starting = candidates.Where(candidate => candidate.StartsWith(lowered, StringComparison.OrdinalIgnoreCase)).ToList();
        var matching = starting.Count > 0 ? starting : candidates.Where(candidate => candidate.Contains(lowered, StringComparison.OrdinalIgnoreCase));
        return [.. matching.OrderBy(candidate => candidate.Length).ThenBy(candidate => candidate, StringComparer.Ordinal).Take(max)];
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
