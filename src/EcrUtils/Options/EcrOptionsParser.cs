using System.Globalization;
using System.Text.RegularExpressions;
using EcrUtils.Images;

namespace EcrUtils.Options;

/// <summary>Turns Cake's arguments into <see cref="EcrOptions"/>, checking every value once, before any work starts.</summary>
public static class EcrOptionsParser
{
    // Stands in for the environment when only the patterns are checked; any valid name compiles the same way.
    private const string SampleEnvironment = "environment";

    /// <summary>Parses the arguments.</summary>
    /// <param name="arguments">
    /// The arguments as Cake gives them: names without dashes (compared case-insensitively), each with its values;
    /// a bare switch has the value <c>true</c>. Cake's own switches (<see cref="ArgumentNames.CakeSwitches"/>) are ignored.
    /// </param>
    /// <returns>The options; <see cref="EcrOptions.Validate"/> then checks them for a task.</returns>
    /// <exception cref="OptionsException">An argument is unknown, given twice with different values, or invalid.</exception>
    public static EcrOptions Parse(IReadOnlyDictionary<string, IReadOnlyList<string>> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);

        var reader = ArgumentReader.Create(arguments);
        var options = new EcrOptions
        {
            Environment = EnvironmentNamed(reader, ArgumentNames.Environment),
            Repositories = RepositoryNames(reader, ArgumentNames.Repository),
            AllRepositories = reader.Flag(ArgumentNames.AllRepositories),
            RepositoryPattern = reader.Single(ArgumentNames.RepositoryPattern) is { } pattern ? Compile(pattern, ArgumentNames.RepositoryPattern) : null,
            RepositoryTags = [.. reader.Many(ArgumentNames.RepositoryTag).Select(ParseRepositoryTag).Distinct()],
            ExcludeRepositories = RepositoryNames(reader, ArgumentNames.ExcludeRepository),
            RegistryId = Checked(reader, ArgumentNames.RegistryId, ArgumentFormats.IsRegistryId, "must be a 12-digit AWS account id, e.g. 123456789012"),
            Region = Checked(reader, ArgumentNames.Region, ArgumentFormats.IsRegion, "must be an AWS region code in lower case, e.g. eu-west-1"),
            TagPattern = reader.Single(ArgumentNames.TagPattern),
            FloatingTagPattern = reader.Single(ArgumentNames.FloatingTagPattern),
            ProtectTags = reader.Many(ArgumentNames.ProtectTag),
            Keep = WholeNumber(reader, ArgumentNames.Keep, 1, int.MaxValue, "a whole number of at least 1") ?? EcrOptions.DefaultKeep,
            Confirm = reader.Single(ArgumentNames.Confirm),
            Preview = reader.Flag(ArgumentNames.Preview),
            FallbackEnvironment = EnvironmentNamed(reader, ArgumentNames.FallbackEnvironment),
            ReportPath = reader.Single(ArgumentNames.Report),
            MaxParallel = WholeNumber(reader, ArgumentNames.MaxParallel, 1, EcrOptions.MaxMaxParallel, $"a whole number from 1 to {EcrOptions.MaxMaxParallel}")
                ?? EcrOptions.DefaultMaxParallel,
            MaxRetries = WholeNumber(reader, ArgumentNames.MaxRetries, 0, EcrOptions.MaxMaxRetries, $"a whole number from 0 to {EcrOptions.MaxMaxRetries}")
                ?? EcrOptions.DefaultMaxRetries,
            RequestTimeout = TimeSpan.FromSeconds(
                WholeNumber(reader, ArgumentNames.RequestTimeout, 1, EcrOptions.MaxRequestTimeoutSeconds, $"a whole number of seconds from 1 to {EcrOptions.MaxRequestTimeoutSeconds}")
                ?? EcrOptions.DefaultRequestTimeoutSeconds),
            InUseCheck = InUseArguments.ReadCheck(reader),
            EcsClusters = InUseArguments.ReadClusters(reader),
            InUseFile = reader.Single(ArgumentNames.InUseFile),
            Sandbox = reader.Flag(ArgumentNames.Sandbox),
            OlderThan = RetentionArguments.ReadDuration(reader, ArgumentNames.OlderThan),
            KeepPulledWithin = RetentionArguments.ReadDuration(reader, ArgumentNames.KeepPulledWithin),
            Archive = reader.Flag(ArgumentNames.Archive),
            ImageTags = RestoreArguments.ReadTags(reader),
            AllArchived = reader.Flag(ArgumentNames.AllArchived),
            Wait = reader.Flag(ArgumentNames.Wait),
            WaitTimeout = RestoreArguments.ReadWaitTimeout(reader),
            StaleAfter = RetentionArguments.ReadDuration(reader, ArgumentNames.StaleAfter),
            EnvironmentPattern = reader.Single(ArgumentNames.EnvironmentPattern) is { } environments
                ? Compile($@"\A(?:{environments})\z", ArgumentNames.EnvironmentPattern, environments)
                : null,
            GivenArguments = reader.Given,
        };

        // Compiling the tag rules checks the tag patterns now rather than halfway through a run.
        options.CreateTagRules(options.Environment ?? SampleEnvironment);
        return options;
    }

    private static string? EnvironmentNamed(ArgumentReader reader, string name)
    {
        var value = reader.Single(name);
        return value is not null && EnvironmentName.Validate(value, $"--{name}") is { } error ? throw new OptionsException(error) : value;
    }

    private static IReadOnlyList<string> RepositoryNames(ArgumentReader reader, string name)
    {
        var names = reader.CommaSeparated(name);
        return names.FirstOrDefault(n => !ArgumentFormats.IsRepositoryName(n)) is { } invalid
            ? throw new OptionsException(
                $"--{name} '{invalid}' is not a valid ECR repository name: use 2 to 256 characters of a-z, 0-9 and '/', " +
                "with single '.', '_' or '-' between letters and digits, e.g. team/api.")
            : names;
    }

    private static RepositoryTagFilter ParseRepositoryTag(string value)
    {
        var separator = value.IndexOf('=', StringComparison.Ordinal);
        var key = separator < 0 ? string.Empty : value[..separator].Trim();
        var tagValue = separator < 0 ? string.Empty : value[(separator + 1)..].Trim();
        return key.Length == 0 || tagValue.Length == 0
            ? throw new OptionsException(
                $"--{ArgumentNames.RepositoryTag} '{value}' is not Key=Value with both parts non-empty: pass e.g. --{ArgumentNames.RepositoryTag}=Project=automation.")
            : new RepositoryTagFilter(key, tagValue);
    }

    private static string? Checked(ArgumentReader reader, string name, Func<string, bool> isValid, string rule)
    {
        var value = reader.Single(name);
        return value is null || isValid(value) ? value : throw new OptionsException($"--{name} {rule} (got '{value}').");
    }

    private static int? WholeNumber(ArgumentReader reader, string name, int min, int max, string rule)
    {
        if (reader.Single(name) is not { } value)
        {
            return null;
        }

        // NumberStyles.None: no sign, no spaces, no decimals, no thousands separators.
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new OptionsException($"--{name} must be {rule} (got '{value}').");
    }

    private static Regex Compile(string pattern, string name, string? shown = null)
    {
        try
        {
            return UserPattern.Compile(pattern, name, UserPattern.DefaultMatchTimeout, shown);
        }
        catch (ArgumentException ex)
        {
            throw new OptionsException(ex.Message, ex);
        }
    }
}
