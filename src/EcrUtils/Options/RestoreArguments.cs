using System.Globalization;
using System.Text.RegularExpressions;

namespace EcrUtils.Options;

/// <summary>Reads and checks RestoreImages' arguments: <c>--image-tag</c>, <c>--all-archived</c>, <c>--wait</c> and <c>--wait-timeout</c>.</summary>
internal static partial class RestoreArguments
{
    /// <summary>The default of <c>--wait-timeout</c>: ECR documents "typically up to 20 minutes" for a restore.</summary>
    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromMinutes(30);

    private static readonly TimeSpan s_maxWaitTimeout = TimeSpan.FromHours(12);

    /// <summary>Tags, repeatable and comma-separated.</summary>
    public static IReadOnlyList<string> ReadTags(ArgumentReader reader)
    {
        var tags = reader.CommaSeparated(ArgumentNames.ImageTag);
        return tags.FirstOrDefault(t => !Tag().IsMatch(t)) is { } invalid
            ? throw new OptionsException($"--{ArgumentNames.ImageTag}={invalid} is not an image tag: up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'.")
            : tags;
    }

    /// <summary>A wait: a positive whole number of seconds, minutes or hours (<c>90s</c>, <c>30m</c>, <c>2h</c>); null when not given.</summary>
    public static TimeSpan? ReadWaitTimeout(ArgumentReader reader)
    {
        if (reader.Single(ArgumentNames.WaitTimeout) is not { } value)
        {
            return null;
        }

        var match = Wait().Match(value);
        if (!match.Success)
        {
            throw new OptionsException(
                $"--{ArgumentNames.WaitTimeout}={value} is not a duration: write a positive whole number of seconds, minutes or hours, e.g. --{ArgumentNames.WaitTimeout}=30m or --{ArgumentNames.WaitTimeout}=2h.");
        }

        var amount = int.Parse(match.Groups["amount"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var timeout = match.Groups["unit"].ValueSpan switch
        {
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromHours(amount),
        };
        return timeout <= s_maxWaitTimeout
            ? timeout
            : throw new OptionsException($"--{ArgumentNames.WaitTimeout}={value} is longer than 12 hours: pass a shorter wait.");
    }

    /// <summary>RestoreImages needs one of --image-tag and --all-archived; the restore arguments belong to it alone.</summary>
    public static string? Error(EcrOptions options, EcrTask task)
    {
        var given = options.GivenArguments;
        if (task != EcrTask.RestoreImages)
        {
            return given.FirstOrDefault(name => name is ArgumentNames.ImageTag or ArgumentNames.AllArchived or ArgumentNames.Wait or ArgumentNames.WaitTimeout) is { } name
                ? $"--{name} applies to {nameof(EcrTask.RestoreImages)} only: remove it to run {task}."
                : null;
        }

        if (options.ImageTags.Count > 0 == options.AllArchived)
        {
            return options.AllArchived
                ? $"--{ArgumentNames.ImageTag} and --{ArgumentNames.AllArchived} exclude each other: pass one of them."
                : $"Say which archived images of '{options.Environment}' to restore: pass --{ArgumentNames.ImageTag}=<tag> (repeatable) or --{ArgumentNames.AllArchived}.";
        }

        return options.WaitTimeout is not null && !options.Wait
            ? $"--{ArgumentNames.WaitTimeout} has no effect without --{ArgumentNames.Wait}: add --{ArgumentNames.Wait} or remove it."
            : null;
    }

    // ECR's tag rule: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ImageIdentifier.html
    [GeneratedRegex(@"\A[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,127}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\A(?<amount>[1-9][0-9]{0,5})(?<unit>[smh])\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Wait();
}
