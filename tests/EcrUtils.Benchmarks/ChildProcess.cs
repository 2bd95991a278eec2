using System.Diagnostics;

namespace EcrUtils.Benchmarks;

/// <summary>Starts this benchmark program again with other arguments.</summary>
internal static class ChildProcess
{
    public static ProcessStartInfo StartInfo(string argument, string? second = null, bool redirectInput = false)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardInput = redirectInput };
        if (!Environment.ProcessPath!.EndsWith("EcrUtils.Benchmarks", StringComparison.Ordinal)
            && !Environment.ProcessPath.EndsWith("EcrUtils.Benchmarks.exe", StringComparison.Ordinal))
        {
            // Started through the dotnet host: start the same assembly again.
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        start.ArgumentList.Add(argument);
        if (second is not null)
        {
            start.ArgumentList.Add(second);
        }

        return start;
    }
}
