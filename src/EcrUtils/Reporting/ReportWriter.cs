using EcrUtils.Results;

namespace EcrUtils.Reporting;

/// <summary>
/// Keeps a run's JSON report on disk as the run goes, so that a run killed at any point leaves a complete, truthful
/// record: after each change of the result, the report (a projection of the result) is rewritten, or, once large, the
/// repository's state and the images the change touched are appended to the journal (see <see cref="ReportJournal"/>).
/// Each change reaches the disk before the run goes on: a deletion batch's answer is recorded before its place goes to
/// another batch.
/// </summary>
public sealed class ReportWriter : IRunObserver
{
    private readonly RunResult _run;
    private readonly ReportStore _store;

    private ReportWriter(RunResult run, ReportStore store)
    {
        _run = run;
        _store = store;
    }

    /// <summary>The full path of the report file.</summary>
    public string Path => _store.Path;

    /// <summary>The report as it stands.</summary>
    public ReportDocument Document => ReportProjection.Document(_run);

    /// <summary>
    /// Creates the report file for <paramref name="run"/>, writes the report as it stands, and follows the run from now
    /// on; a path that cannot be written fails here, before the run starts.
    /// </summary>
    public static ReportWriter Start(string path, RunResult run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(run);
        var writer = new ReportWriter(run, ReportStore.Open(path, ReportProjection.Document(run)));
        run.Observe(writer);
        return writer;
    }

    /// <inheritdoc />
    public void Changed(RunResult run, RunChange change)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(change);
        var entries = run.Repositories.Sum(r => (long)r.Images.Count + r.Problems.Count);
        if (change.Repository is { } repository && !_store.ShouldRewrite(entries))
        {
            _store.Append(ReportProjection.Repository(repository, []), change.Images.Select(ReportProjection.Image));
        }
        else
        {
            _store.Save(ReportProjection.Document(run), entries);
        }
    }
}
