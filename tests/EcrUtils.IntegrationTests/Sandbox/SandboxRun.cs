using System.Diagnostics;
using System.Text.RegularExpressions;

namespace EcrUtils.IntegrationTests;

/// <summary>What a sandbox run's output says about its moto process.</summary>
internal static partial class SandboxRun
{
    /// <summary>The id of the sandbox's moto process, which the run prints when the sandbox starts.</summary>
    public static int ProcessId(ProcessResult result)
    {
        var match = ProcessLine().Match(result.StandardOutput);
        return match.Success
            ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new Xunit.Sdk.XunitException($"The run did not say which process serves the sandbox: {result}");
    }

    public static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"on http://127\.0\.0\.1:\d+ \(moto, process (\d+)\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ProcessLine();
}
