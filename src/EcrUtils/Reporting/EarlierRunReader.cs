using System.Text.Json;
using EcrUtils.Options;
using EcrUtils.Results;

namespace EcrUtils.Reporting;

/// <summary>
/// Reads the report that a new run is about to keep aside (see <see cref="ReportStore"/>): when it is the record of
/// an unfinished run of a deleting task on the same environment (stopped, killed, failed, or with ids left
/// unconfirmed), it returns the tags that run left open, so that the new run can account for them.
/// </summary>
public static class EarlierRunReader
{
    // The statuses of a run that may have removed more than its report confirms; "running" is a run that was killed.
    private static readonly HashSet<string> s_unfinished = new(StringComparer.Ordinal) { "running", "cancelled", "failed", "partial-failure" };

    // Outcomes of an image whose planned tags may be gone although the report does not say so.
    private static readonly HashSet<string> s_open = new(StringComparer.Ordinal) { "planned", "unconfirmed", "partly-removed" };

    /// <summary>
    /// The unfinished run whose report is at <paramref name="reportPath"/> (its journal applied), or null when there is
    /// none, it finished, it is of another task or environment, a preview, or cannot be read.
    /// </summary>
    public static EarlierRun? Read(string reportPath, RunResult run)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportPath);
        ArgumentNullException.ThrowIfNull(run);
        var path = Path.GetFullPath(reportPath);
        if (run.Task == EcrTask.GetLatestImages || !File.Exists(path))
        {
            return null;
        }

        try
        {
            return ReadHeader(path) is { } header && IsUnfinished(header, run) ? Read(path, header) : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            // A report that cannot be read is left as it is, and accounts for nothing.
            return null;
        }
    }

    private static bool IsUnfinished(Header header, RunResult run) =>
        header.Task is nameof(EcrTask.DeleteOldestImages) or nameof(EcrTask.DeleteAllImages)
        && string.Equals(header.Environment, run.Environment, StringComparison.Ordinal)
        && !header.Preview
        && s_unfinished.Contains(header.Status ?? string.Empty);

    // The report's first properties, read from its first bytes only: most reports kept aside are of finished runs,
    // and a large one is not worth parsing to find that out.
    private static Header? ReadHeader(string path)
    {
        var buffer = new byte[8192];
        int length;
        using (var stream = File.OpenRead(path))
        {
            length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }

        var reader = new Utf8JsonReader(buffer.AsSpan(0, length), isFinalBlock: length < buffer.Length, state: default);
        var header = new Header();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
        {
            var name = reader.GetString();
            if (!reader.Read() || reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                // The settings and what follows: the header is complete.
                break;
            }

            switch (name)
            {
                case "task":
                    header.Task = reader.GetString();
                    break;
                case "environment":
                    header.Environment = reader.GetString();
                    break;
                case "preview":
                    header.Preview = reader.GetBoolean();
                    break;
                case "status":
                    header.Status = reader.GetString();
                    break;
                case "startedAt":
                    header.StartedAt = reader.GetDateTimeOffset();
                    break;
            }
        }

        return header;
    }

    private static EarlierRun Read(string path, Header header)
    {
        // Repository URI -> image digest -> the tags it still had to lose.
        var open = new Dictionary<string, Dictionary<string, string[]>>(StringComparer.Ordinal);
        using (var stream = File.OpenRead(path))
        using (var document = JsonDocument.Parse(stream))
        {
            foreach (var repository in document.RootElement.GetProperty("repositories").EnumerateArray())
            {
                Apply(repository, open);
            }
        }

        // A report written as a journal: its lines, applied in order, replace images by digest (README, "Report").
        var journal = path + ReportJournal.Extension;
        if (File.Exists(journal))
        {
            foreach (var line in File.ReadLines(journal))
            {
                if (line.Length > 0)
                {
                    using var entry = JsonDocument.Parse(line);
                    Apply(entry.RootElement, open);
                }
            }
        }

        var tags = open.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlySet<string>)pair.Value.Values.SelectMany(t => t).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        return new EarlierRun(ReportStore.PreviousPathOf(path), header.StartedAt, header.Status!, tags);
    }

    private static void Apply(JsonElement repository, Dictionary<string, Dictionary<string, string[]>> open)
    {
        var uri = repository.GetProperty("uri").GetString()!;
        if (!open.TryGetValue(uri, out var images))
        {
            open[uri] = images = new Dictionary<string, string[]>(StringComparer.Ordinal);
        }

        foreach (var image in repository.GetProperty("images").EnumerateArray())
        {
            var digest = image.GetProperty("digest").GetString()!;
            if (image.GetProperty("action").GetString() != "remove" || !s_open.Contains(image.GetProperty("outcome").GetString() ?? string.Empty))
            {
                images.Remove(digest);
                continue;
            }

            var removed = image.GetProperty("removedTags").EnumerateArray().Select(t => t.GetString()).ToHashSet(StringComparer.Ordinal);
            images[digest] = [.. image.GetProperty("tagsToRemove").EnumerateArray().Select(t => t.GetString()!).Where(t => !removed.Contains(t))];
        }
    }

    private sealed class Header
    {
        public string? Task { get; set; }

        public string? Environment { get; set; }

        public bool Preview { get; set; }

        public string? Status { get; set; }

        public DateTimeOffset StartedAt { get; set; }
    }
}
