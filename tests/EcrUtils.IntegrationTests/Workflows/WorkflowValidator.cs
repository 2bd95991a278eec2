using System.Diagnostics;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// The workflow validators of <c>tests/workflow-validation</c> (GitHub's own workflow parser and action-validator),
/// installed with <c>npm ci</c> from the committed lockfile into a temporary folder, once per test class.
/// </summary>
public sealed class WorkflowValidator : IAsyncLifetime
{
    private static readonly TimeSpan s_installTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan s_validateTimeout = TimeSpan.FromMinutes(1);
    private static readonly string[] s_toolFiles = ["package.json", "package-lock.json", "validate.mjs", "json-modules.mjs"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ecrutils-workflow-validation-");

    public async Task InitializeAsync()
    {
        var source = Path.Combine(RepositoryRoot.Find(), "tests", "workflow-validation");
        foreach (var file in s_toolFiles)
        {
            File.Copy(Path.Combine(source, file), Path.Combine(_folder.FullName, file));
        }

        var node = await RunAsync("node", ["--version"], s_validateTimeout);
        if (node.ExitCode != 0 || !Version.TryParse(node.StandardOutput.Trim().TrimStart('v'), out var version) || version.Major < 20)
        {
            throw new InvalidOperationException($"The workflow tests need Node.js 20 or later with npm (https://nodejs.org); 'node --version' said: {node}");
        }

        // --prefer-offline: npm's cache serves a machine that installed these before, with no network.
        var install = await RunAsync("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], s_installTimeout);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"npm ci could not install the workflow validators of {source} (it needs the npm registry, or npm's cache): {install}");
        }
    }

    public Task DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Validates <paramref name="files"/>: exit code 0 and an "ok" line per valid file, else 1 and the problems.</summary>
    public Task<ProcessResult> ValidateAsync(params string[] files) => RunAsync("node", ["validate.mjs", .. files], s_validateTimeout);

    private async Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(program) { WorkingDirectory = _folder.FullName };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            return await ChildProcess.RunAsync(startInfo, timeout, CancellationToken.None);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"The workflow tests need Node.js 20 or later with npm on PATH (https://nodejs.org). {ex.Message}", ex);
        }
    }
}
