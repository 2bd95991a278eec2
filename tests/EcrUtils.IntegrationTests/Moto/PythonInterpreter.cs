namespace EcrUtils.IntegrationTests;

/// <summary>Finds the Python that runs moto: <c>ECRUTILS_PYTHON</c>, else <c>python3</c> on PATH.</summary>
internal static class PythonInterpreter
{
    public const string VariableName = "ECRUTILS_PYTHON";

    public const string InstallHint = "moto_server is required: pip install 'moto[server]==5.2.1'";

    public static string Find()
    {
        var configured = Environment.GetEnvironmentVariable(VariableName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        string[] names = OperatingSystem.IsWindows() ? ["python3.exe", "python.exe"] : ["python3"];
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return directories
            .SelectMany(directory => names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"Python 3 was not found on PATH. Install it or set {VariableName} to its path; then {InstallHint}.");
    }
}
