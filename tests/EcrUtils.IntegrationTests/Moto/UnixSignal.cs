using System.Runtime.InteropServices;

namespace EcrUtils.IntegrationTests;

/// <summary>Asks a process to stop the way a service manager does, so that it can clean up.</summary>
internal static class UnixSignal
{
    private const int SigTerm = 15;

    public static void Terminate(int processId)
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = kill(processId, SigTerm);
        }
    }

    // The result is ignored: a process that is already gone needs no signal, and the caller kills
    // whatever is left after a grace period anyway.
    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int kill(int pid, int sig);
}
