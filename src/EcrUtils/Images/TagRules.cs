using System.Text.RegularExpressions;

namespace EcrUtils.Images;

/// <summary>
/// Decides which tags belong to an environment, which tags float between images, and which tags protect an image.
/// </summary>
/// <remarks>
/// Patterns are .NET regular expressions, matched case-sensitively anywhere in the tag unless anchored, with a
/// timeout: a pattern that runs too long throws <see cref="RegexMatchTimeoutException"/> instead of "not matching".
/// </remarks>
public sealed class TagRules
{
    /// <summary>The placeholder in a tag pattern that stands for the (escaped) environment name.</summary>
    public const string EnvironmentPlaceholder = "{environment}";

    /// <summary>
    /// The default tag pattern: the environment name, a dash, and one more part without dashes, so that
    /// <c>prod-eu-4</c> does not belong to <c>prod</c>.
    /// </summary>
    public const string DefaultTagPattern = "^{environment}-[^-]+$";

    /// <summary>The default floating tag pattern: <c>latest</c>, alone or as the last dash-separated part.</summary>
    public const string DefaultFloatingTagPattern = "(^|-)latest$";

    private readonly Regex _environmentTag;
    private readonly Regex _floatingTag;
    private readonly IReadOnlyList<Regex> _protectTags;

    private TagRules(string environment, string tagPattern, Regex environmentTag, Regex floatingTag, IReadOnlyList<Regex> protectTags)
    {
        Environment = environment;
        TagPattern = tagPattern;
        _environmentTag = environmentTag;
        _floatingTag = floatingTag;
        _protectTags = protectTags;
    }

    /// <summary>The environment whose tags these rules recognise.</summary>
    public string Environment { get; }

    /// <summary>The tag pattern as given, with <see cref="EnvironmentPlaceholder"/> not yet replaced.</summary>
    public string TagPattern { get; }

    /// <summary>The floating tag pattern.</summary>
    public string FloatingTagPattern => _floatingTag.ToString();

    /// <summary>The protected tag patterns.</summary>
    public IReadOnlyList<string> ProtectTagPatterns => [.. _protectTags.Select(p => p.ToString())];

    /// <summary>Creates the rules for one environment.</summary>
    /// <param name="environment">The environment name; see <see cref="EnvironmentName"/>.</param>
    /// <param name="tagPattern">
    /// The environment tag pattern, which must contain <see cref="EnvironmentPlaceholder"/>;
    /// <see langword="null"/> for <see cref="DefaultTagPattern"/>.
    /// </param>
    /// <param name="floatingTagPattern">The floating tag pattern; <see langword="null"/> for <see cref="DefaultFloatingTagPattern"/>.</param>
    /// <param name="protectTagPatterns">Patterns of tags that protect their image; may be empty.</param>
    /// <exception cref="ArgumentException">A name or pattern is invalid; the message names the argument and says why.</exception>
    public static TagRules Create(string environment, string? tagPattern, string? floatingTagPattern, IReadOnlyList<string> protectTagPatterns) =>
        Create(environment, tagPattern, floatingTagPattern, protectTagPatterns, UserPattern.DefaultMatchTimeout);

    internal static TagRules Create(
        string environment,
        string? tagPattern,
        string? floatingTagPattern,
        IReadOnlyList<string> protectTagPatterns,
        TimeSpan matchTimeout)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(protectTagPatterns);
        if (EnvironmentName.Validate(environment, $"--{ArgumentNames.Environment}") is { } invalid)
        {
            throw new ArgumentException(invalid);
        }

        tagPattern ??= DefaultTagPattern;
        return new TagRules(
            environment,
            tagPattern,
            CompileTagPattern(environment, tagPattern, matchTimeout),
            UserPattern.Compile(floatingTagPattern ?? DefaultFloatingTagPattern, ArgumentNames.FloatingTagPattern, matchTimeout),
            [.. protectTagPatterns.Select(p => UserPattern.Compile(p, ArgumentNames.ProtectTag, matchTimeout))]);
    }

    /// <summary>Whether <paramref name="tag"/> belongs to <see cref="Environment"/>.</summary>
    public bool IsEnvironmentTag(string tag) => UserPattern.IsMatch(_environmentTag, tag, ArgumentNames.TagPattern, TagPattern);

    /// <summary>Whether <paramref name="tag"/> is a floating tag (one that moves between images, like <c>latest</c>).</summary>
    public bool IsFloatingTag(string tag) => UserPattern.IsMatch(_floatingTag, tag, ArgumentNames.FloatingTagPattern);

    /// <summary>Whether <paramref name="tag"/> matches any protected tag pattern; an image holding one is never touched.</summary>
    public bool IsProtectedTag(string tag)
    {
        foreach (var pattern in _protectTags)
        {
            if (UserPattern.IsMatch(pattern, tag, ArgumentNames.ProtectTag))
            {
                return true;
            }
        }

        return false;
    }

    private static Regex CompileTagPattern(string environment, string tagPattern, TimeSpan matchTimeout)
    {
        // Without the placeholder a pattern would match the same tags for every environment, so DeleteAllImages
        // for one environment could remove the images of all of them.
        if (!string.IsNullOrWhiteSpace(tagPattern) && !tagPattern.Contains(EnvironmentPlaceholder, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"--{ArgumentNames.TagPattern} '{tagPattern}' must contain {EnvironmentPlaceholder}, which stands for the environment name, " +
                $"so that it cannot match the tags of other environments; e.g. ^{EnvironmentPlaceholder}-[0-9]+$.");
        }

        var pattern = tagPattern.Replace(EnvironmentPlaceholder, Regex.Escape(environment), StringComparison.Ordinal);
        var compiled = UserPattern.Compile(pattern, ArgumentNames.TagPattern, matchTimeout, tagPattern);

        // Unanchored, {environment} would also match inside the tags of other environments: "automation" would take
        // "automation-master-6". A pattern must say where a tag starts and ends.
        if (!IsAnchored(tagPattern))
        {
            throw new ArgumentException(
                $"--{ArgumentNames.TagPattern} '{tagPattern}' must match whole tags, so that it cannot match inside the tags of other "
                + $"environments: anchor it at both ends, e.g. --{ArgumentNames.TagPattern}='{Anchored(tagPattern)}'.");
        }

        return compiled;
    }

    private static bool IsAnchored(string pattern) =>
        (pattern.StartsWith('^') || pattern.StartsWith(@"\A", StringComparison.Ordinal))
        && ((pattern.EndsWith('$') && !pattern.EndsWith(@"\$", StringComparison.Ordinal)) || pattern.EndsWith(@"\z", StringComparison.Ordinal));

    private static string Anchored(string pattern)
    {
        var start = pattern.StartsWith('^') ? "" : "^";
        var end = pattern.EndsWith('$') && !pattern.EndsWith(@"\$", StringComparison.Ordinal) ? "" : "$";
        return $"{start}{pattern}{end}";
    }
}
