namespace EcrUtils.IntegrationTests;

/// <summary>The commands of README.md's "Quick start" section, read from the file so that the tests run what readers run.</summary>
internal static class QuickStart
{
    private const string Heading = "## Quick start";

    /// <summary>Each command of the section's fenced block, split into words, its trailing comment left out.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Commands()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Find(), "README.md"));
        var section = lines.SkipWhile(l => l.Trim() != Heading).Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        var block = section.SkipWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).ToList();
        if (block.Count == 0)
        {
            throw new InvalidOperationException($"README.md has no fenced block under \"{Heading}\": the quick start commands belong there.");
        }

        return [.. block.Select(WithoutComment).Where(l => l.Length > 0).Select(Words)];
    }

    private static string WithoutComment(string line)
    {
        var comment = line.IndexOf(" #", StringComparison.Ordinal);
        return (comment < 0 ? line : line[..comment]).Trim();
    }

    // The quick start is plain words; quotes or other shell syntax would need a shell to read them the same way.
    private static IReadOnlyList<string> Words(string command) =>
        command.IndexOfAny(['"', '\'', '\\', '$', '`', '|', '&', ';']) >= 0
            ? throw new InvalidOperationException($"The quick start command '{command}' uses shell syntax; keep it to plain words.")
            : command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
