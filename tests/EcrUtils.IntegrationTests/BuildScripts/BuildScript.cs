using System.Diagnostics;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// Runs <c>./build.sh</c> from the repository root as a child process against moto, the way a
/// pipeline runs it: no stdin, no inherited AWS or CI settings, captured output, a deadline.
/// </summary>
public sealed class BuildScript
{
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim s_buildOnce = new(1, 1);
    private static bool s_built;

    private readonly string _root;
    private readonly string _script;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly bool _buildFirst;

    /// <summary>A build script aimed at <paramref name="server"/> with its region and test credentials.</summary>
    public BuildScript(MotoServer server)
        : this(RepositoryRoot.Find(), "build.sh", server?.AwsEnvironment() ?? throw new ArgumentNullException(nameof(server)), buildFirst: true)
    {
    }

    internal BuildScript(string root, string script, IReadOnlyDictionary<string, string> environment, bool buildFirst)
    {
        _root = root;
        _script = script;
        _environment = environment;
        _buildFirst = buildFirst;
    }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Runs the script with <paramref name="arguments"/>, each passed as one argument. The moto
    /// variables and <paramref name="environment"/> are set on top of an isolated copy of this
    /// process's environment (see <see cref="ChildEnvironment"/>); a null value removes a variable.
    /// </summary>
    public Task<ProcessResult> RunAsync(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default) =>
        RunFromAsync(_root, arguments, environment, cancellationToken);

    /// <summary>As <see cref="RunAsync"/>, with the script started in <paramref name="workingDirectory"/>, as a user in another folder would.</summary>
    public async Task<ProcessResult> RunFromAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (_buildFirst)
        {
            await EnsureBuiltAsync(cancellationToken);
        }

        var startInfo = new ProcessStartInfo(Path.Combine(_root, _script)) { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        ConfigureEnvironment(startInfo);
        ChildEnvironment.Apply(startInfo.Environment, environment ?? new Dictionary<string, string?>());
        return await ChildProcess.RunAsync(startInfo, Timeout, cancellationToken);
    }

    private void ConfigureEnvironment(ProcessStartInfo startInfo)
    {
        ChildEnvironment.Isolate(startInfo.Environment);
        foreach (var (name, value) in _environment)
        {
            startInfo.Environment[name] = value;
        }
    }

    // The first run would otherwise compile the build project inside its own deadline; a compile
    // error also reads better on its own than as a failed task.
    private async Task EnsureBuiltAsync(CancellationToken cancellationToken)
    {
        await s_buildOnce.WaitAsync(cancellationToken);
        try
        {
            if (s_built)
            {
                return;
            }

            var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = _root };
            foreach (var argument in new[] { "build", Path.Combine("build", "Build.csproj"), "--nologo", "-v:q" })
            {
                startInfo.ArgumentList.Add(argument);
            }

            ConfigureEnvironment(startInfo);
            var result = await ChildProcess.RunAsync(startInfo, s_buildTimeout, cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"The build project does not compile; fix it first: {result}");
            }

            s_built = true;
        }
        finally
        {
            s_buildOnce.Release();
        }
    }
}
