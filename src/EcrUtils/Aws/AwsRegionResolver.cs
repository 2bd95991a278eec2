using System.Text.RegularExpressions;

namespace EcrUtils.Aws;

/// <summary>Finds the region: the command line, then AWS_REGION, then AWS_DEFAULT_REGION, then the SDK's fallback.</summary>
internal static partial class AwsRegionResolver
{
    public static string Resolve(string? option, Func<string, string?> getEnvironmentVariable, Func<string?> fallback)
    {
        var (region, source) = FirstSet(
            (option, "--region"),
            (getEnvironmentVariable(AwsEnvironmentVariables.Region), AwsEnvironmentVariables.Region),
            (getEnvironmentVariable(AwsEnvironmentVariables.DefaultRegion), AwsEnvironmentVariables.DefaultRegion));
        if (region is null)
        {
            (region, source) = (fallback()?.Trim(), "the AWS profile or instance metadata");
        }

        if (string.IsNullOrEmpty(region))
        {
            throw new AwsConfigurationException(
                "No AWS region is set: pass --region (e.g. --region=eu-west-1), set AWS_REGION, or set the region of "
                + "your AWS profile (aws configure set region eu-west-1).");
        }

        if (!RegionName().IsMatch(region))
        {
            throw new AwsConfigurationException(
                $"The AWS region '{region}' from {source} is not a region name: use lower-case names like eu-west-1.");
        }

        return region;
    }

    private static (string? Value, string Source) FirstSet(params ReadOnlySpan<(string? Value, string Source)> candidates)
    {
        foreach (var (value, source) in candidates)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return (value.Trim(), source);
            }
        }

        return (null, string.Empty);
    }

    [GeneratedRegex("^[a-z]{2,}(?:-[a-z0-9]+)+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RegionName();
}
