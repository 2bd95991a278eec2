using System.Globalization;
using System.Text;
using EcrUtils.Options;

namespace EcrUtils.InUse;

/// <summary>
/// The in-use file (<c>--in-use-file</c>): the images in use where the in-use check cannot look (EKS, EC2 hosts, other
/// accounts), one reference a line: <c>repo:tag</c>, <c>repo@sha256:…</c>, or their ECR URIs. The images it names are
/// kept like images in use. Blank lines are ignored, and <c>#</c> starts a comment (no reference holds one).
/// </summary>
public sealed class InUseFile
{
    private const int ShownCharacters = 100;
    private const int ShownLineNumbers = 5;

    private const string Forms =
        "repo:tag, repo@sha256:<digest>, ACCOUNT.dkr.ecr.REGION.amazonaws.com/repo:tag or ACCOUNT.dkr.ecr.REGION.amazonaws.com/repo@sha256:<digest> "
        + "(a digest is sha256: and 64 hex digits in lower case)";

    private readonly IReadOnlyList<Line> _lines;

    private InUseFile(string path, IReadOnlyList<Line> lines)
    {
        Path = path;
        _lines = lines;
    }

    /// <summary>The file as the user named it: reasons and messages show it so.</summary>
    public string Path { get; }

    /// <summary>Reads the file at <paramref name="fullPath"/>, named <paramref name="path"/> by the user.</summary>
    /// <exception cref="OptionsException">The file cannot be read, or a line is no image reference; the message says what to write.</exception>
    public static InUseFile Read(string path, string fullPath)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(fullPath);
        if (Directory.Exists(fullPath))
        {
            throw Unreadable(path, "it is a folder");
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(fullPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Unreadable(path, $"there is no such file: {fullPath}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, ex.Message);
        }

        return Parse(path, lines);
    }

    /// <summary>Reads the <paramref name="lines"/> of the file <paramref name="path"/>.</summary>
    /// <exception cref="OptionsException">A line is no image reference; the message names it and shows the forms to write.</exception>
    public static InUseFile Parse(string path, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(lines);
        List<Line> read = [];
        List<(int Number, string Text)> malformed = [];
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var text = (hash < 0 ? raw : raw[..hash]).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (ReadLine(number, text) is { } line)
            {
                read.Add(line);
            }
            else
            {
                malformed.Add((number, text));
            }
        }

        return malformed.Count > 0 ? throw Malformed(path, malformed) : new InUseFile(path, read);
    }

    /// <summary>
    /// Sorts the lines for a run on the registry of <paramref name="accountId"/> and <paramref name="region"/> (any
    /// region when null): a line without a registry, or with that registry's URI, is a use; any other registry's line is
    /// ignored. Without an account (no repository was found), every ECR reference is taken as a use.
    /// </summary>
    public InUseFileOutcome For(string? accountId, string? region)
    {
        List<ImageUse> uses = [];
        var ignored = 0;
        string? first = null;
        foreach (var line in _lines)
        {
            if (line.Reference is { } reference && (accountId is null || reference.IsInRegistry(accountId, region)))
            {
                uses.Add(ImageUse.Listed(reference, Path, line.Number));
            }
            else
            {
                ignored++;
                first ??= line.Registry;
            }
        }

        return new InUseFileOutcome(Path, uses, ignored, first);
    }

    // A reference to an image of the run's registry (with or without its host), another registry's line (no
    // reference), or null for a line that is no image reference.
    private static Line? ReadLine(int number, string text)
    {
        if (text.Any(char.IsWhiteSpace))
        {
            return null;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var first = slash > 0 ? text[..slash] : null;
        if (first is not null && IsRegistryHost(first))
        {
            if (!ImageReference.TryParseRegistryHost(first, out _, out _))
            {
                return new Line(number, first, null);
            }

            return ImageReference.TryParse(text, out var uri) ? new Line(number, first, uri) : null;
        }

        return ImageReference.TryParseName(text, out var name) ? new Line(number, null, name) : null;
    }

    // As Docker reads a reference: a first part with a dot or a colon (a port), or localhost, is a registry's host;
    // anything else is a path of the repository (https://github.com/distribution/reference/blob/main/normalize.go).
    private static bool IsRegistryHost(string first) =>
        first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost";

    private static OptionsException Unreadable(string path, string why) => new(
        $"--{ArgumentNames.InUseFile}={path} cannot be read ({why}): pass the path of a file that lists the images in use, "
        + "one a line (a relative path is taken from the folder the command runs in).");

    private static OptionsException Malformed(string path, List<(int Number, string Text)> malformed)
    {
        var (number, text) = malformed[0];
        var message = new StringBuilder().Append(CultureInfo.InvariantCulture, $"--{ArgumentNames.InUseFile}={path} line {number}: '{Shown(text)}' is not an image reference");
        if (malformed.Count > 1)
        {
            var others = malformed.Skip(1).Take(ShownLineNumbers).Select(m => m.Number.ToString(CultureInfo.InvariantCulture)).ToList();
            var more = malformed.Count - 1 - others.Count;
            message.Append(CultureInfo.InvariantCulture, $" (nor {(others.Count + more == 1 ? "is line" : "are lines")} {string.Join(", ", others)}{(more > 0 ? $" and {more} more" : string.Empty)})");
        }

        return new OptionsException(message.Append(CultureInfo.InvariantCulture, $". Write one image a line, as {Forms}; # starts a comment.").ToString());
    }

    // What a line holds, fit to be shown: control and formatting characters (which could rewrite the terminal or turn
    // the text around) as '?', and no more than a line's worth.
    private static string Shown(string text)
    {
        var safe = new string([.. text.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format ? '?' : c)]);
        return safe.Length <= ShownCharacters ? safe : safe[..ShownCharacters] + "…";
    }

    // Registry: the host the line names, null when it names none; Reference: null for a registry other than ECR.
    private sealed record Line(int Number, string? Registry, ImageReference? Reference);
}
