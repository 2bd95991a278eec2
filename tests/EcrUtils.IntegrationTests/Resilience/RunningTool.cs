using System.Globalization;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// Finds the tool's own process under <c>./build.sh</c> (bash, then <c>dotnet run</c>, then the build host), so that a
/// test can signal it the way a terminal's Ctrl+C or a CI runner's SIGTERM reaches it.
/// </summary>
internal static class RunningTool
{
    /// <summary>
    /// The process whose command line holds <paramref name="marker"/> (e.g. a unique --report path) and none of whose
    /// children does: the build host itself. Null if there is none (yet).
    /// </summary>
    public static int? Find(string marker)
    {
        var marked = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && CommandLine(pid).Contains(marker, StringComparison.Ordinal))
            .ToList();
        var parents = marked.Select(ParentOf).ToHashSet();
        return marked.Where(pid => !parents.Contains(pid)).Cast<int?>().SingleOrDefault();
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            // The process ended while we looked.
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static int ParentOf(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (name) state ppid ..."; the name may hold spaces and parentheses.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
