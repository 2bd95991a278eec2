using System.Diagnostics;
using Cake.Core;

namespace EcrUtils.Sandbox;

/// <summary>
/// The launcher process that serves the sandbox: moto on 127.0.0.1 and a port the system picks. It exits when its
/// stdin closes, so it ends with this process even when this process is killed; <see cref="DisposeAsync"/> stops it
/// and, if it lingers, kills it.
/// </summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    // The launcher's exit code when moto cannot be imported (see moto_launcher.py).
    private const int MotoMissingExitCode = 3;
    private const string ReadyPrefix = "ready ";
    private const int LinesKept = 40;
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_stopGrace = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _pumps;

    private SandboxProcess(Process process)
    {
        _process = process;
        _pumps = Task.WhenAll(PumpAsync(process.StandardOutput, ready: true), PumpAsync(process.StandardError, ready: false));
    }

    public int ProcessId => _process.Id;

    public Uri Endpoint => _ready.Task.IsCompletedSuccessfully ? _ready.Task.Result : throw new InvalidOperationException("The sandbox has not started.");

    /// <summary>Starts the launcher and waits until it listens.</summary>
    /// <exception cref="CakeException">Python or moto is missing (a usage error), or moto did not start.</exception>
    public static async Task<SandboxProcess> StartAsync(Func<string, string?> getEnvironmentVariable, CancellationToken cancellationToken)
    {
        var python = SandboxPython.Find(getEnvironmentVariable)
            ?? throw new CakeException(ExitCodes.UsageError, SandboxPython.InstallHint("Python 3 was not found on PATH"));
        if (Path.IsPathRooted(python) && !File.Exists(python))
        {
            throw new CakeException(ExitCodes.UsageError, SandboxPython.InstallHint($"{python} does not exist"));
        }

        Process process;
        try
        {
            process = Process.Start(CreateStartInfo(python)) ?? throw new InvalidOperationException($"{python} did not start.");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new CakeException(ExitCodes.UsageError, SandboxPython.InstallHint($"{python} could not be started ({ex.Message})"));
        }

        var sandbox = new SandboxProcess(process);
        try
        {
            await sandbox.WaitUntilReadyAsync(python, cancellationToken).ConfigureAwait(false);
            return sandbox;
        }
        catch
        {
            await sandbox.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // Closing stdin is the launcher's signal to shut down; it works on every platform.
                _process.StandardInput.Close();
                using var grace = new CancellationTokenSource(s_stopGrace);
                try
                {
                    await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }

            await Task.WhenAny(_pumps, Task.Delay(s_stopGrace)).ConfigureAwait(false);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static ProcessStartInfo CreateStartInfo(string python)
    {
        var startInfo = new ProcessStartInfo(python)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Port 0: the launcher binds a free port itself and reports it, so nothing can take it in between.
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "Sandbox", "moto_launcher.py"), "--port", "0", "--exit-on-stdin-close"])
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The emulator needs none of the caller's AWS settings; INITIAL_NO_AUTH_ACTION_COUNT would turn its auth checks on.
        foreach (var name in startInfo.Environment.Keys.Where(n => n.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment.Remove("INITIAL_NO_AUTH_ACTION_COUNT");
        startInfo.Environment["PYTHONUNBUFFERED"] = "1";
        startInfo.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        return startInfo;
    }

    private async Task WaitUntilReadyAsync(string python, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_startTimeout);
        var exited = _process.WaitForExitAsync(timeout.Token);
        try
        {
            if (await Task.WhenAny(_ready.Task, exited).ConfigureAwait(false) == _ready.Task)
            {
                return;
            }

            await exited.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CakeException(ExitCodes.Failure, $"The sandbox (moto) did not start within {s_startTimeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{RecentOutput()}");
        }

        // The pipes close with the process: let the pumps take in its last words before quoting them.
        await Task.WhenAny(_pumps, Task.Delay(s_stopGrace, CancellationToken.None)).ConfigureAwait(false);
        throw _process.ExitCode == MotoMissingExitCode
            ? new CakeException(ExitCodes.UsageError, SandboxPython.InstallHint($"{python} has no usable moto ({LauncherComplaint()})"))
            : new CakeException(ExitCodes.Failure, $"The sandbox (moto) stopped with exit code {_process.ExitCode} before it was ready. Its output:{Environment.NewLine}{RecentOutput()}");
    }

    private async Task PumpAsync(StreamReader reader, bool ready)
    {
        // Reading to the end keeps the launcher from blocking on a full pipe.
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (ready && line.StartsWith(ReadyPrefix, StringComparison.Ordinal) && Uri.TryCreate(line[ReadyPrefix.Length..].Trim(), UriKind.Absolute, out var endpoint))
            {
                _ready.TrySetResult(endpoint);
                continue;
            }

            lock (_output)
            {
                _output.Enqueue(line);
                while (_output.Count > LinesKept)
                {
                    _output.Dequeue();
                }
            }
        }
    }

    // The launcher explains a missing moto in one line that ends with the import error in parentheses.
    private string LauncherComplaint()
    {
        var line = RecentOutput().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
        var open = line.LastIndexOf(" (", StringComparison.Ordinal);
        return open >= 0 && line.EndsWith(')') ? line[(open + 2)..^1] : line;
    }

    private string RecentOutput()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }
}
