using System.Globalization;
using System.Text.RegularExpressions;

namespace EcrUtils.Options;

/// <summary>Reads and checks the retention arguments: <c>--older-than</c>, <c>--keep-pulled-within</c> and <c>--archive</c>.</summary>
internal static partial class RetentionArguments
{
    /// <summary>The longest duration accepted: 100 years, so that a typo cannot overflow a date.</summary>
    private const int MaxDays = 36_500;

    /// <summary>A duration: a positive whole number of days (<c>14d</c>) or hours (<c>36h</c>); null when not given.</summary>
    public static TimeSpan? ReadDuration(ArgumentReader reader, string name)
    {
        if (reader.Single(name) is not { } value)
        {
            return null;
        }

        var match = Duration().Match(value);
        if (!match.Success)
        {
            throw new OptionsException(
                $"--{name}={value} is not a duration: write a positive whole number of days or hours, e.g. --{name}=14d or --{name}=36h.");
        }

        var amount = int.Parse(match.Groups["amount"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var duration = match.Groups["unit"].ValueSpan is "d" ? TimeSpan.FromDays(amount) : TimeSpan.FromHours(amount);
        return duration <= TimeSpan.FromDays(MaxDays)
            ? duration
            : throw new OptionsException($"--{name}={value} is longer than {MaxDays} days: pass a shorter duration.");
    }

    /// <summary>The retention arguments belong to the deleting tasks.</summary>
    public static string? Error(EcrOptions options, EcrTask task) =>
        task is not (EcrTask.DeleteOldestImages or EcrTask.DeleteAllImages)
        && options.GivenArguments.FirstOrDefault(name => name is ArgumentNames.OlderThan or ArgumentNames.KeepPulledWithin or ArgumentNames.Archive) is { } given
            ? $"--{given} applies to {nameof(EcrTask.DeleteOldestImages)} and {nameof(EcrTask.DeleteAllImages)} only: remove it to run {task}."
            : null;

    [GeneratedRegex(@"\A(?<amount>[1-9][0-9]{0,5})(?<unit>[dh])\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Duration();
}
