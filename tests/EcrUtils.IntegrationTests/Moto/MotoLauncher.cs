using System.Diagnostics;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// The <c>moto_launcher.py</c> process: started on a free loopback port, read until it says where it
/// listens, and stopped with SIGTERM, then by force, so that no server outlives the tests.
/// </summary>
internal sealed class MotoLauncher : IAsyncDisposable
{
    private const int MotoMissingExitCode = 3;
    private const string ReadyPrefix = "ready ";
    private static readonly TimeSpan s_stopGrace = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly LauncherOutput _output = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _pumps;

    private MotoLauncher(Process process)
    {
        _process = process;
        _pumps = Task.WhenAll(
            _output.PumpAsync(process.StandardOutput, OnStandardOutput),
            _output.PumpAsync(process.StandardError, onLine: null));
    }

    public int ProcessId => _process.Id;

    public string RecentOutput() => _output.Recent();

    /// <summary>Starts the launcher and returns its endpoint once it listens.</summary>
    public static async Task<(MotoLauncher Launcher, string Endpoint)> StartAsync(CancellationToken cancellationToken)
    {
        var launcher = new MotoLauncher(Start(CreateStartInfo()));
        try
        {
            return (launcher, await launcher.WaitUntilReadyAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var output = launcher.RecentOutput();
            await launcher.DisposeAsync();
            throw new InvalidOperationException(
                $"moto did not start in time. {PythonInterpreter.InstallHint}. Its output:{Environment.NewLine}{output}");
        }
        catch
        {
            await launcher.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            UnixSignal.Terminate(_process.Id);
            // The launcher also exits when its stdin closes, which covers platforms without signals.
            _process.StandardInput.Close();
            await Task.WhenAny(_process.WaitForExitAsync(), Task.Delay(s_stopGrace));
            ChildProcess.StopTree(_process);
        }

        _process.Dispose();
    }

    internal static ProcessStartInfo CreateStartInfo()
    {
        var startInfo = new ProcessStartInfo(PythonInterpreter.Find())
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Port 0: the launcher binds a free port itself and reports it, so nothing can take it in between.
        string[] arguments =
            [Path.Combine(AppContext.BaseDirectory, "Moto", "moto_launcher.py"), "--port", "0", "--exit-on-stdin-close"];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["PYTHONUNBUFFERED"] = "1";
        startInfo.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        // With this set, moto refuses the IAM calls that set up its auth checks.
        startInfo.Environment.Remove("INITIAL_NO_AUTH_ACTION_COUNT");
        return startInfo;
    }

    private static Process Start(ProcessStartInfo startInfo)
    {
        try
        {
            return ChildProcess.Start(startInfo);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException(
                $"{ex.Message} Set {PythonInterpreter.VariableName} to a Python 3 that has moto: {PythonInterpreter.InstallHint}.", ex);
        }
    }

    private async Task<string> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var exited = _process.WaitForExitAsync(cancellationToken);
        if (await Task.WhenAny(_ready.Task, exited) == _ready.Task)
        {
            return await _ready.Task;
        }

        await exited;
        // The pipes close with the process: let the pumps take in its last words before reporting them.
        await Task.WhenAny(_pumps, Task.Delay(s_stopGrace, cancellationToken));
        var reason = _process.ExitCode == MotoMissingExitCode
            ? $"{PythonInterpreter.InstallHint} (or set {PythonInterpreter.VariableName} to a Python that has it)"
            : $"the launcher exited with code {_process.ExitCode}";
        throw new InvalidOperationException($"moto did not start: {reason}. Its output:{Environment.NewLine}{RecentOutput()}");
    }

    private void OnStandardOutput(string line)
    {
        if (line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
        {
            _ready.TrySetResult(line[ReadyPrefix.Length..].Trim());
        }
    }
}
