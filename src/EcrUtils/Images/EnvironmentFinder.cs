using System.Text.RegularExpressions;

namespace EcrUtils.Images;

/// <summary>
/// Finds the environment a tag belongs to, by the rule of the deleting tasks: the tag pattern, with
/// <c>{environment}</c> standing for any valid environment name. With the default pattern <c>^{environment}-[^-]+$</c>
/// the environment is the tag without its last <c>-</c> segment (<c>automation-master-17</c> -> <c>automation-master</c>);
/// a tag the pattern cannot match (<c>latest</c>, <c>v1.2</c>) belongs to none. The name found is one for which
/// <see cref="TagRules.IsEnvironmentTag"/> holds, so ListEnvironments and DeleteAllImages agree on every tag.
/// </summary>
public sealed class EnvironmentFinder
{
    // An environment name as --environment accepts it (EnvironmentName), captured; later occurrences must repeat it.
    private const string Name = "(?<environment>[A-Za-z0-9_][A-Za-z0-9_.-]{0,125})";
    private const string Again = @"\k<environment>";

    private readonly Regex _pattern;

    private EnvironmentFinder(Regex pattern) => _pattern = pattern;

    /// <summary>The finder for <paramref name="tagPattern"/> (null: the default), checked as the deleting tasks check it.</summary>
    /// <exception cref="ArgumentException">The pattern is invalid, unanchored or has no <c>{environment}</c>.</exception>
    public static EnvironmentFinder Create(string? tagPattern)
    {
        var pattern = tagPattern ?? TagRules.DefaultTagPattern;
        // The deleting tasks' checks (placeholder, anchors, syntax) apply as they are.
        TagRules.Create("environment", pattern, null, []);
        var first = pattern.IndexOf(TagRules.EnvironmentPlaceholder, StringComparison.Ordinal);
        var rest = pattern[(first + TagRules.EnvironmentPlaceholder.Length)..].Replace(TagRules.EnvironmentPlaceholder, Again, StringComparison.Ordinal);
        return new EnvironmentFinder(UserPattern.Compile(pattern[..first] + Name + rest, ArgumentNames.TagPattern, UserPattern.DefaultMatchTimeout, pattern));
    }

    /// <summary>The environment <paramref name="tag"/> belongs to, or null.</summary>
    public string? Find(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var match = UserPattern.Match(_pattern, tag, ArgumentNames.TagPattern);
        return match.Success ? match.Groups["environment"].Value : null;
    }
}
