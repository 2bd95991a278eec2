using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EcrUtils.Reporting;

/// <summary>
/// Keeps the cost of a large report's crash safety in proportion to what changed. Rewriting the whole report after every
/// deletion batch costs the size of the report each time, quadratic over a run in a repository of 20,000 images; so once
/// the report is large, an event appends one line to <c>&lt;report&gt;.journal</c> instead: the repository's status,
/// counters and problems, and the images that the event changed. The report is rewritten (and the journal removed) when
/// the journal has grown to a quarter of the report, and always at the end of the run. After a crash, the report plus its
/// journal, applied line by line (replacing images by digest), is the run as it was.
/// </summary>
internal sealed class ReportJournal(string reportPath)
{
    // Below this size (about 2,000 images) the report is always rewritten: it costs a few milliseconds, less than one
    // call's latency, and a reader after a crash then needs nothing but the report.
    public const long SmallReportBytes = 1024 * 1024;

    private static readonly JsonTypeInfo<RepositoryReport> s_lineTypeInfo = (JsonTypeInfo<RepositoryReport>)new JsonSerializerOptions(ReportJsonContext.Default.Options)
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }.GetTypeInfo(typeof(RepositoryReport));

    private long _bytes;

    public string Path { get; } = reportPath + ".journal";

    /// <summary>Whether the next event should rewrite the report rather than append to the journal.</summary>
    public bool ShouldRewrite(long reportBytes) => reportBytes < SmallReportBytes || _bytes >= reportBytes / 4;

    /// <summary>Appends the repository's state with only <paramref name="changedImages"/> of its images.</summary>
    public void Append(RepositoryReport report, IEnumerable<ImageReport> changedImages)
    {
        var line = new RepositoryReport
        {
            Name = report.Name,
            Uri = report.Uri,
            Status = report.Status,
            Error = report.Error,
            ImagesKept = report.ImagesKept,
            ImagesToRemove = report.ImagesToRemove,
            ImagesDeleted = report.ImagesDeleted,
            TagsRemoved = report.TagsRemoved,
            BytesReclaimed = report.BytesReclaimed,
            Images = [.. changedImages],
            Problems = report.Problems,
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(line, s_lineTypeInfo);
        using (var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            stream.Write(bytes);
            stream.Write("\n"u8);
        }

        _bytes += bytes.Length + 1;
    }

    /// <summary>Removes the journal once the report holds everything in it.</summary>
    public void Clear()
    {
        if (_bytes > 0)
        {
            File.Delete(Path);
            _bytes = 0;
        }
    }
}
