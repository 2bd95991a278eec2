namespace EcrUtils.Options;

/// <summary>Reads raw argument values, one argument at a time, with the checks every argument shares.</summary>
internal sealed class ArgumentReader
{
    private readonly Dictionary<string, List<string>> _values;

    private ArgumentReader(Dictionary<string, List<string>> values) => _values = values;

    /// <summary>The names of the arguments given (Cake's own left out), in their canonical spelling.</summary>
    public IReadOnlySet<string> Given => _values.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Collects the arguments; names compare case-insensitively, Cake's own switches are ignored.</summary>
    /// <exception cref="OptionsException">An argument is unknown; the message suggests the closest known name.</exception>
    public static ArgumentReader Create(IReadOnlyDictionary<string, IReadOnlyList<string>> arguments)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var unknown = new List<string>();
        foreach (var (name, given) in arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (ArgumentNames.CakeSwitches.Contains(name))
            {
                continue;
            }

            if (!ArgumentNames.All.Contains(name))
            {
                unknown.Add(name);
                continue;
            }

            var canonical = name.ToLowerInvariant();

            if (!values.TryGetValue(canonical, out var list))
            {
                values[canonical] = list = [];
            }

            // A name without any value is a bare switch to Cake; record it as given with an empty value.
            list.AddRange(given is null || given.Count == 0 ? [string.Empty] : given.Select(v => (v ?? string.Empty).Trim()));
        }

        return unknown.Count > 0 ? throw new OptionsException(ArgumentSuggestions.DescribeUnknown(unknown)) : new ArgumentReader(values);
    }

    /// <summary>The value of a single-valued argument, or <see langword="null"/> when it was not given.</summary>
    public string? Single(string name)
    {
        if (!_values.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Any(string.IsNullOrEmpty))
        {
            throw new OptionsException($"--{name} needs a value: pass --{name}=<value>.");
        }

        return OnlyValue(name, values);
    }

    /// <summary>
    /// A switch: a bare <c>--name</c> (which Cake gives as <c>true</c> or an empty value) or <c>--name=true</c> is
    /// on, <c>--name=false</c> is off, and so is a switch not given.
    /// </summary>
    public bool Flag(string name)
    {
        if (!_values.TryGetValue(name, out var values))
        {
            return false;
        }

        var switches = new List<bool>();
        foreach (var value in values)
        {
            if (value.Length == 0)
            {
                switches.Add(true);
            }
            else if (bool.TryParse(value, out var on))
            {
                switches.Add(on);
            }
            else
            {
                throw new OptionsException($"--{name} takes true or false (got '{value}'); a bare --{name} means true.");
            }
        }

        return switches.Distinct().Count() == 1
            ? switches[0]
            : throw new OptionsException($"--{name} was given both as true and as false: pass it once.");
    }

    /// <summary>The values of a repeatable argument, deduplicated, in the order given.</summary>
    public IReadOnlyList<string> Many(string name)
    {
        if (!_values.TryGetValue(name, out var values))
        {
            return [];
        }

        if (values.Any(string.IsNullOrEmpty))
        {
            throw new OptionsException($"--{name} needs a value: pass --{name}=<value> (it can be given more than once).");
        }

        return [.. values.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The values of a repeatable argument whose values may also be comma-separated lists.</summary>
    public IReadOnlyList<string> CommaSeparated(string name)
    {
        var parts = new List<string>();
        foreach (var value in Many(name))
        {
            var split = value.Split(',', StringSplitOptions.TrimEntries);
            if (split.Any(part => part.Length == 0))
            {
                throw new OptionsException($"--{name} has an empty entry in '{value}': separate the values with single commas.");
            }

            parts.AddRange(split);
        }

        return [.. parts.Distinct(StringComparer.Ordinal)];
    }

    private static string OnlyValue(string name, IReadOnlyList<string> values)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 1
            ? distinct[0]
            : throw new OptionsException(
                $"--{name} was given more than once with different values ({string.Join(", ", distinct.Select(v => $"'{v}'"))}): pass it once.");
    }
}
