using System.Globalization;
using EcrUtils.Ecr;
using EcrUtils.Options;

namespace EcrUtils.Planning;

/// <summary>
/// The retention criteria of a deleting task, beside its own rule (keep the newest, or tear down): an image pushed
/// within <see cref="OlderThan"/> or pulled within <see cref="KeepPulledWithin"/> is kept; an image being restored is
/// kept; with <see cref="Archive"/>, archived images are left as they are and the images a run would delete are
/// archived instead. Without it, archived images are removed like any other.
/// </summary>
/// <param name="Now">The time the criteria are measured from.</param>
/// <param name="OlderThan">Only images pushed longer ago than this are removed; null: any age.</param>
/// <param name="KeepPulledWithin">An image whose last recorded pull is within this is kept; null: pulls do not protect.</param>
/// <param name="Archive">Archive instead of delete.</param>
public sealed record Retention(DateTimeOffset Now, TimeSpan? OlderThan = null, TimeSpan? KeepPulledWithin = null, bool Archive = false)
{
    /// <summary>How long ECR bills an archived image at least, even when it is deleted earlier.</summary>
    public static readonly TimeSpan MinimumArchiveStorage = TimeSpan.FromDays(90);

    /// <summary>No criterion beside the task's own rule.</summary>
    public static Retention None { get; } = new(DateTimeOffset.UnixEpoch);

    /// <summary>The retention criteria of <paramref name="options"/>, measured from <paramref name="now"/>.</summary>
    public static Retention Of(EcrOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Retention(now, options.OlderThan, options.KeepPulledWithin, options.Archive);
    }

    /// <summary>Why an image that the task's rule would remove is kept by these criteria; null when it is not.</summary>
    public string? KeepReason(EcrImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (string.Equals(image.Status, EcrImage.ActivatingStatus, StringComparison.OrdinalIgnoreCase))
        {
            return "being restored from the archive";
        }

        if (Archive && image.IsArchived)
        {
            return "archived";
        }

        if (KeepPulledWithin is { } within && image.LastRecordedPullTime is { } pulled && pulled > Now - within)
        {
            return $"pulled {Day(pulled)}, {Ago(pulled)} (--{ArgumentNames.KeepPulledWithin}={Duration(within)})";
        }

        if (OlderThan is { } age && image.PushedAt > Now - age)
        {
            return $"pushed {Day(image.PushedAt)}, {Ago(image.PushedAt)}: not older than {Duration(age)} (--{ArgumentNames.OlderThan})";
        }

        return null;
    }

    /// <summary>
    /// What a removal reason adds for an archived image: when it was archived less than 90 days ago, deleting it now is
    /// billed for the rest of the 90 days. Empty for other images.
    /// </summary>
    public string ArchiveNote(EcrImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!image.IsArchived)
        {
            return string.Empty;
        }

        return image.LastArchivedAt is { } archived && archived > Now - MinimumArchiveStorage
            ? $"; archived {Day(archived)}, {Ago(archived)}: deleting it now is billed for the rest of its 90 days in the archive"
            : "; archived";
    }

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Ago(DateTimeOffset time)
    {
        var elapsed = Now - time;
        return elapsed < TimeSpan.FromHours(1) ? "less than an hour ago"
            : elapsed < TimeSpan.FromDays(1) ? Plural((int)elapsed.TotalHours, "hour") + " ago"
            : Plural((int)elapsed.TotalDays, "day") + " ago";
    }

    /// <summary>A duration as the arguments write it: whole days (<c>14d</c>) or hours (<c>36h</c>).</summary>
    public static string Duration(TimeSpan duration) =>
        duration.Ticks % TimeSpan.TicksPerDay == 0
            ? ((long)duration.TotalDays).ToString(CultureInfo.InvariantCulture) + "d"
            : ((long)duration.TotalHours).ToString(CultureInfo.InvariantCulture) + "h";

    private static string Plural(int count, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {unit}{(count == 1 ? string.Empty : "s")}");
}
