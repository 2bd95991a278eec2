namespace EcrUtils.Sandbox;

/// <summary>Finds the Python that runs moto for the sandbox: <c>ECRUTILS_PYTHON</c>, else <c>python3</c> on PATH.</summary>
internal static class SandboxPython
{
    public const string VariableName = "ECRUTILS_PYTHON";

    public const string InstallCommand = "pip install 'moto[server]==5.2.1'";

    /// <summary>The interpreter's path, or null when there is none.</summary>
    public static string? Find(Func<string, string?> getEnvironmentVariable)
    {
        var configured = getEnvironmentVariable(VariableName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }

        string[] names = OperatingSystem.IsWindows() ? ["python3.exe", "python.exe"] : ["python3"];
        return (getEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>What to do when the sandbox cannot start moto; <paramref name="problem"/> says what went wrong.</summary>
    public static string InstallHint(string problem) =>
        $"--sandbox runs a local ECR emulator (moto's server), but {problem}. Install it with: {InstallCommand} "
        + $"(Python 3.9 or later), then run the same command again. To use another Python, set {VariableName} to its path.";
}
