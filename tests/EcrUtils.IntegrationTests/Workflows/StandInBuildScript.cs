namespace EcrUtils.IntegrationTests;

/// <summary>A stand-in <c>build.sh</c> that prints its arguments, one a line, and exits with <c>STAND_IN_EXIT</c> (0).</summary>
internal static class StandInBuildScript
{
    private const string Script = """
        #!/usr/bin/env bash
        for argument in "$@"; do printf 'arg=%s\n' "$argument"; done
        exit "${STAND_IN_EXIT:-0}"
        """;

    /// <summary>Writes the stand-in as <c>build.sh</c> into <paramref name="folder"/>.</summary>
    public static void WriteTo(string folder)
    {
        var path = Path.Combine(folder, "build.sh");
        File.WriteAllText(path, Script.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The arguments the stand-in printed.</summary>
    public static List<string> Arguments(StepResult result) =>
        [.. result.Process.StandardOutput.ReplaceLineEndings("\n").Split('\n')
            .Where(line => line.StartsWith("arg=", StringComparison.Ordinal)).Select(line => line["arg=".Length..])];
}
