using System.Globalization;
using System.Text.RegularExpressions;
using EcrUtils.Reporting;
using Spectre.Console;

namespace EcrUtils.Sandbox;

/// <summary>The sandbox registry as compact tables, one per repository: before a run, and what the run changed.</summary>
internal static partial class RegistryTables
{
    public static void WriteBefore(IAnsiConsole console, RegistryState state)
    {
        foreach (var repository in state.Repositories)
        {
            var table = NewTable($"{repository.Name} ({repository.Images.Count} images)");
            foreach (var row in RegistryRows.Of(repository))
            {
                table.AddRow(Cells(row));
            }

            console.Write(table);
        }
    }

    public static void WriteAfter(IAnsiConsole console, RegistryChanges changes)
    {
        foreach (var repository in changes.Repositories.Where(r => r.Changed))
        {
            var table = NewTable(repository.Name).AddColumn("Change");
            foreach (var image in repository.Images)
            {
                var change = image.Deleted ? "[red]deleted[/]"
                    : image.LostTags.Count > 0 ? $"[yellow]lost {Markup.Escape(string.Join(", ", image.LostTags))}[/]"
                    : image.NewStatus is { } status ? $"[blue]{(status == ImageStatuses.Archived ? "archived" : "restored")}[/]"
                    : "kept";
                table.AddRow([.. Cells(image.Row, image.Deleted), change]);
            }

            console.Write(table);
            if (repository.Added > 0)
            {
                console.WriteLine($"  {repository.Name}: {repository.Added} images were pushed during the run.");
            }
        }

        var unchanged = changes.Repositories.Where(r => !r.Changed).Select(r => r.Name).ToList();
        if (unchanged.Count > 0)
        {
            console.WriteLine($"Unchanged: {string.Join(", ", unchanged)}.");
        }
    }

    private static Table NewTable(string title) =>
        new Table().Border(TableBorder.Simple).Title(Markup.Escape(title)).AddColumns("Tags", "Digest", "Pushed (UTC)", "Last pull (UTC)", "Size");

    private static string[] Cells(RegistryRow row, bool struck = false)
    {
        var joined = string.Join(", ", row.Tags.Select(ShortTag));
        var note = string.Join(", ", new[] { row.Note, StatusNote(row.Status) }.Where(n => n.Length > 0));
        var tags = row.IsChild
            ? $"  └ {note}{(joined.Length > 0 ? ": " + joined : ", untagged")}"
            : joined.Length > 0 ? joined + (note.Length > 0 ? $" ({note})" : string.Empty) : "(untagged)" + (note.Length > 0 ? $" ({note})" : string.Empty);
        string[] cells =
        [
            Markup.Escape(tags),
            Markup.Escape(ShortDigest(row.Digest)),
            row.PushedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            row.LastPull?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never",
            ByteSize.Format(row.Size),
        ];
        return struck ? [.. cells.Select(c => $"[strikethrough]{c}[/]")] : cells;
    }

    // Archived images cannot be pulled until restored: https://docs.aws.amazon.com/AmazonECR/latest/userguide/archive-image.html
    private static string StatusNote(string status) => status switch
    {
        ImageStatuses.Archived => "archived",
        ImageStatuses.Activating => "restoring",
        _ => string.Empty,
    };

    // A cosign tag holds a whole digest; its first twelve digits name the signed image as the Digest column does.
    private static string ShortTag(string tag) => CompanionTag().Replace(tag, "$1…$2");

    [GeneratedRegex(@"\A(sha256-[0-9a-f]{12})[0-9a-f]{52}(\.(?:sig|att|sbom))\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CompanionTag();

    // Twelve hex digits, as `docker images` shows image ids: enough to tell images apart at a glance.
    private static string ShortDigest(string digest) => digest[(digest.IndexOf(':', StringComparison.Ordinal) + 1)..] is var hex && hex.Length > 12 ? hex[..12] : hex;
}
