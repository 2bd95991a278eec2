using System.Buffers;
using System.Text.Json;

namespace EcrUtils.Reporting;

/// <summary>
/// Keeps the cost of a large report's crash safety in proportion to what changed. Rewriting the whole report after every
/// deletion batch costs the size of the report each time, quadratic over a run in a repository of 20,000 images; so once
/// the report is large, an event appends a line to <c>&lt;report&gt;.journal</c> instead: the repository's status,
/// counters and problems, and the images that the event changed (an event that changed more than
/// <see cref="ImagesPerLine"/> images takes several lines, each with the repository's state and some of the images).
/// The report is rewritten (and the journal removed) when the journal holds <see cref="RewriteFactor"/> times as many
/// entries (images and problems) as the report, and always at the end of the run: every rewrite is paid for by more
/// journal entries than it writes, so a run serializes its report a small constant number of times in all. After a
/// crash, the report plus its journal, applied line by line (replacing images by digest), is the run as it was.
/// </summary>
internal sealed class ReportJournal(string reportPath)
{
    // Up to this many entries (about 250 KiB) the report is rewritten after every event: that costs about a millisecond,
    // and a reader after a crash then needs nothing but the report. Above it, per-event rewrites were most of a large
    // run's CPU. A plan of a repository larger than this goes to the journal too.
    public const int SmallReportEntries = 500;

    // A run journals each image about twice (its plan, then its batch): at 4, a run over one large repository finishes
    // without rewriting the report before the end, and a run over many repositories rewrites it a few times as it grows.
    public const int RewriteFactor = 4;

    /// <summary>
    /// The most images in one line. A line is serialized into a buffer kept for the run, then written at once; the plan
    /// of a repository of 100,000 images is tens of megabytes, which this keeps to a buffer of about 1 MB.
    /// </summary>
    public const int ImagesPerLine = 2_500;

    private readonly ArrayBufferWriter<byte> _buffer = new();
    private long _entries;

    /// <summary>What the journal's path adds to the report's.</summary>
    public const string Extension = ".journal";

    public string Path { get; } = reportPath + Extension;

    /// <summary>
    /// Whether the event just applied should rewrite the report rather than append to the journal, given the report's
    /// entries (images and problems of all repositories) after it.
    /// </summary>
    public bool ShouldRewrite(long reportEntries) => reportEntries <= SmallReportEntries || _entries >= RewriteFactor * reportEntries;

    /// <summary>
    /// Appends the repository's state with only <paramref name="changedImages"/> of its images; when it returns, the
    /// lines are with the operating system, so a crash of the process cannot lose them.
    /// </summary>
    public void Append(RepositoryReport report, IEnumerable<ImageReport> changedImages)
    {
        ImageReport[] images = [.. changedImages];
        // Unbuffered: each line goes to the operating system in one write, from the buffer it was serialized into.
        using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        using var writer = new Utf8JsonWriter(_buffer, ReportJson.CompactWriter);
        var offset = 0;
        do
        {
            var count = Math.Min(ImagesPerLine, images.Length - offset);
            _buffer.ResetWrittenCount();
            writer.Reset(_buffer);
            ReportJson.Write(writer, report with { Images = [.. images.AsSpan(offset, count)] });
            _buffer.Write("\n"u8);
            file.Write(_buffer.WrittenSpan);
            offset += count;
        }
        while (offset < images.Length);

        _entries += images.Length + report.Problems.Count + 1;
    }

    /// <summary>Removes the journal once the report holds everything in it.</summary>
    public void Clear()
    {
        if (_entries > 0)
        {
            File.Delete(Path);
            _entries = 0;
        }
    }
}
