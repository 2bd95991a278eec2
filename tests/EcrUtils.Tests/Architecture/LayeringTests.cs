using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace EcrUtils.Tests.Architecture;

// Holds the layering that ARCHITECTURE.md draws: a namespace uses only the namespaces of lower rows.
public sealed partial class LayeringTests
{
    private const string Root = "EcrUtils";

    // Bottom row first; the numbers in ARCHITECTURE.md are the positions here plus one. A namespace stands for itself
    // and its sub-namespaces (EcrUtils.Ecr for EcrUtils.Ecr.Json too), except the root, which is itself alone.
    private static readonly string[][] s_rows =
    [
        [Root],
        ["EcrUtils.Aws"],
        ["EcrUtils.Resilience"],
        ["EcrUtils.Ecr", "EcrUtils.Ecs", "EcrUtils.Lambda"],
        ["EcrUtils.Images"],
        ["EcrUtils.Options"],
        ["EcrUtils.Planning"],
        ["EcrUtils.InUse"],
        ["EcrUtils.Operations"],
        ["EcrUtils.Results"],
        ["EcrUtils.Reporting"],
        ["EcrUtils.Connections"],
    ];

    private static readonly Types s_library = Types.InAssembly(typeof(ExitCodes).Assembly);

    public static TheoryData<string> Namespaces() => [.. s_rows.SelectMany(row => row)];

    [Theory]
    [MemberData(nameof(Namespaces))]
    public void Namespace_UsesNoHigherRowAndNoSiblingOfItsRow(string layer)
    {
        var forbidden = Forbidden(layer);

        var offenders = forbidden
            .SelectMany(other => FailingTypeNames(layer, other).Select(type => (Type: type, Uses: other)))
            .GroupBy(use => use.Type, use => use.Uses)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => $"  {group.Key} uses {string.Join(", ", group)}")
            .ToList();

        Assert.True(
            offenders.Count == 0,
            $"{layer} (row {RowOf(layer) + 1}) may use only the namespaces of lower rows (see ARCHITECTURE.md), but:"
                + Environment.NewLine + string.Join(Environment.NewLine, offenders));
    }

    // The compiler copies constants into their users and drops doc references, so the IL does not show every use:
    // TagRules once read the argument names of Options that way. The using directives of the sources do.
    [Theory]
    [MemberData(nameof(Namespaces))]
    public void Namespace_ImportsNoHigherRowAndNoSiblingOfItsRow(string layer)
    {
        var forbidden = Forbidden(layer);

        var offenders = SourceFiles()
            .Select(file => (File: file, Text: File.ReadAllText(file)))
            .Where(source => FileNamespace().Match(source.Text) is { Success: true } ns && Contains(layer, ns.Groups[1].Value))
            .SelectMany(source => UsingDirective().Matches(source.Text)
                .Select(directive => directive.Groups[1].Value)
                .Where(used => forbidden.Any(other => Contains(other, used)))
                .Select(used => $"  {Path.GetFileName(source.File)} imports {used}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(
            offenders.Count == 0,
            $"{layer} (row {RowOf(layer) + 1}) may import only the namespaces of lower rows (see ARCHITECTURE.md), but:"
                + Environment.NewLine + string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void EveryNamespaceOfTheLibrary_HasARow()
    {
        var namespaces = typeof(ExitCodes).Assembly.GetTypes()
            .Select(type => type.Namespace)
            .OfType<string>()
            .Where(ns => ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal))
            .Distinct();

        var unplaced = namespaces.Where(ns => !s_rows.SelectMany(row => row).Any(layer => Contains(layer, ns))).Order(StringComparer.Ordinal);

        Assert.Empty(unplaced);
    }

    private static IEnumerable<string> SourceFiles()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "src", "EcrUtils", "EcrUtils.csproj")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var library = Path.Combine(directory.FullName, "src", "EcrUtils");
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{separator}obj{separator}", StringComparison.Ordinal)
                && !file.Contains($"{separator}bin{separator}", StringComparison.Ordinal));
    }

    private static IEnumerable<string> FailingTypeNames(string layer, string other)
    {
        var result = s_library.That().ResideInNamespaceMatching(NamespacePattern(layer)).Should().NotHaveDependencyOn(other).GetResult();
        return result.IsSuccessful ? [] : result.FailingTypeNames ?? [];
    }

    // NetArchTest matches namespaces by prefix (EcrUtils would select every type), so the selection is anchored.
    private static string NamespacePattern(string layer) =>
        layer == Root ? $"^{Regex.Escape(Root)}$" : $@"^{Regex.Escape(layer)}(\..+)?$";

    private static bool Contains(string layer, string ns) =>
        ns == layer || (layer != Root && ns.StartsWith(layer + ".", StringComparison.Ordinal));

    private static List<string> Forbidden(string layer)
    {
        var row = RowOf(layer);
        return [.. s_rows.Skip(row + 1).SelectMany(higher => higher).Concat(s_rows[row].Where(sibling => sibling != layer))];
    }

    private static int RowOf(string layer) => Array.FindIndex(s_rows, row => row.Contains(layer));

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"^using (EcrUtils(?:\.\w+)*);", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UsingDirective();
}
