using System.Diagnostics;
using System.Text;

namespace EcrUtils.IntegrationTests;

/// <summary>Runs a process to completion with no stdin, captured output and a deadline.</summary>
internal static class ChildProcess
{
    // A grandchild that outlives the child (a build server, say) can hold the output pipes open.
    private static readonly TimeSpan s_outputGrace = TimeSpan.FromSeconds(5);

    public static async Task<ProcessResult> RunAsync(
        ProcessStartInfo startInfo, TimeSpan timeout, CancellationToken cancellationToken)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;

        using var process = Start(startInfo);
        // An empty stdin makes a prompt fail at once instead of waiting for a key until the deadline.
        process.StandardInput.Close();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var pumps = Task.WhenAll(PumpAsync(process.StandardOutput, stdout), PumpAsync(process.StandardError, stderr));

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            StopTree(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"{Describe(startInfo)} did not finish within {timeout.TotalSeconds:0.#} s and was stopped. " +
                $"Look for a hang in its output:{Environment.NewLine}" +
                new ProcessResult(-1, Read(stdout), Read(stderr)));
        }

        await WaitForOutputAsync(pumps, cancellationToken);
        return new ProcessResult(process.ExitCode, Read(stdout), Read(stderr));
    }

    public static Process Start(ProcessStartInfo startInfo)
    {
        try
        {
            return Process.Start(startInfo)
                ?? throw new InvalidOperationException($"{Describe(startInfo)} did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"{Describe(startInfo)} could not start ({ex.Message}): check that the program exists and is executable.", ex);
        }
    }

    public static void StopTree(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    public static string Describe(ProcessStartInfo startInfo) =>
        string.Join(' ', [startInfo.FileName, .. startInfo.ArgumentList]);

    private static async Task WaitForOutputAsync(Task pumps, CancellationToken cancellationToken)
    {
        // The child has exited: what a lingering grandchild may still write is not its output.
        await Task.WhenAny(pumps, Task.Delay(s_outputGrace, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder sink)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (sink)
            {
                sink.AppendLine(line);
            }
        }
    }

    private static string Read(StringBuilder sink)
    {
        lock (sink)
        {
            return sink.ToString();
        }
    }
}
