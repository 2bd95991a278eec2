using System.Diagnostics;
using System.Text.RegularExpressions;

namespace EcrUtils.IntegrationTests;

[Collection(MotoCollectionDefinition.Name)]
public sealed partial class MotoServerTests(MotoServer server)
{
    private static readonly TimeSpan s_exitDeadline = TimeSpan.FromSeconds(10);

    [Fact]
    public void Endpoint_IsOnLoopback_AndGivenToClients()
    {
        var sut = server;

        var environment = sut.AwsEnvironment();

        Assert.Matches(LoopbackEndpoint(), sut.Endpoint);
        Assert.Equal(sut.Endpoint, environment["AWS_ENDPOINT_URL"]);
        Assert.Equal(("us-east-1", "123456789012"), (sut.Region, sut.AccountId));
    }

    [Fact]
    public async Task Dispose_StopsTheLauncher()
    {
        var sut = new MotoServer();
        await sut.InitializeAsync();
        using var launcher = Process.GetProcessById(sut.ProcessId!.Value);

        await sut.DisposeAsync();

        Assert.True(launcher.HasExited);
    }

    [Fact]
    public async Task Launcher_ExitsCleanly_OnSigterm()
    {
        using var sut = await StartLauncherAsync();

        UnixSignal.Terminate(sut.Id);

        Assert.Equal(0, await ExitCodeAsync(sut));
    }

    [Fact]
    public async Task Launcher_Exits_WhenItsParentGoesAway()
    {
        using var sut = await StartLauncherAsync();

        // A parent that dies, even by SIGKILL, closes the write end of the child's stdin.
        sut.StandardInput.Close();

        Assert.Equal(0, await ExitCodeAsync(sut));
    }

    private static async Task<Process> StartLauncherAsync()
    {
        var process = ChildProcess.Start(MotoLauncher.CreateStartInfo());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith("ready ", StringComparison.Ordinal))
            {
                return process;
            }
        }

        ChildProcess.StopTree(process);
        throw new InvalidOperationException($"The launcher ended before it was ready: {await process.StandardError.ReadToEndAsync()}");
    }

    private static async Task<int> ExitCodeAsync(Process process)
    {
        using var deadline = new CancellationTokenSource(s_exitDeadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return process.ExitCode;
        }
        finally
        {
            ChildProcess.StopTree(process);
        }
    }

    [GeneratedRegex(@"^http://127\.0\.0\.1:\d+$")]
    private static partial Regex LoopbackEndpoint();
}
