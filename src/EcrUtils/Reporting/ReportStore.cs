using System.Text.Json;

namespace EcrUtils.Reporting;

/// <summary>
/// Where a report lives on disk, and how it gets there safely: the whole report is written to a temporary file and
/// then renamed into place, so that a reader (or a run killed at any moment) never sees half a report; once the report
/// is large, a change is appended to the journal beside it instead (see <see cref="ReportJournal"/>). It knows nothing
/// of runs: it writes what it is given, when it is told.
/// </summary>
internal sealed class ReportStore
{
    private readonly ReportJournal _journal;

    private ReportStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _journal = new ReportJournal(Path);
    }

    /// <summary>The full path of the report file.</summary>
    public string Path { get; }

    private string TemporaryPath => Path + ".tmp";

    /// <summary>Where the report of the run before this one at the same path is kept: <c>report.previous.json</c>.</summary>
    public string PreviousPath => PreviousPathOf(Path);

    /// <summary>Where the report at <paramref name="path"/> is kept when the next run at that path starts.</summary>
    public static string PreviousPathOf(string path) =>
        System.IO.Path.ChangeExtension(path, null) + ".previous" + (System.IO.Path.GetExtension(path) is { Length: > 0 } extension ? extension : string.Empty);

    /// <summary>
    /// Creates the report's file with <paramref name="first"/> in it: a path that cannot be written fails here. A report
    /// already at the path (with its journal) is moved to <see cref="PreviousPath"/> first, so that a rerun never
    /// overwrites the record of the run it follows, an interrupted one above all.
    /// </summary>
    public static ReportStore Open(string path, ReportDocument first)
    {
        var store = new ReportStore(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(store.Path)!);
        store.KeepPrevious();
        store.Save(first, entries: 0);
        return store;
    }

    private void KeepPrevious()
    {
        if (File.Exists(Path))
        {
            File.Move(Path, PreviousPath, overwrite: true);
        }

        var previousJournal = PreviousPath + ReportJournal.Extension;
        if (File.Exists(_journal.Path))
        {
            File.Move(_journal.Path, previousJournal, overwrite: true);
        }
        else if (File.Exists(previousJournal))
        {
            // The kept report's journal is the one beside it, or none: never an older run's.
            File.Delete(previousJournal);
        }
    }

    /// <summary>Whether a change that leaves the report with <paramref name="entries"/> images and problems should rewrite it.</summary>
    public bool ShouldRewrite(long entries) => _journal.ShouldRewrite(entries);

    /// <summary>Writes the whole report, indented while small, and empties the journal.</summary>
    public void Save(ReportDocument document, long entries)
    {
        using (var temporary = File.Create(TemporaryPath))
        {
            JsonSerializer.Serialize(
                temporary,
                document,
                ReportJson.TypeInfo<ReportDocument>(entries <= ReportJournal.SmallReportEntries ? ReportJson.Indented : ReportJson.Compact));
        }

        File.Move(TemporaryPath, Path, overwrite: true);
        _journal.Clear();
    }

    /// <summary>Appends a repository's state with the images that changed to the journal.</summary>
    public void Append(RepositoryReport repository, IEnumerable<ImageReport> images) => _journal.Append(repository, images);
}
