namespace EcrUtils.IntegrationTests;

// These run a stand-in script: the real build.sh is exercised by the tests of the tasks.
public sealed class BuildScriptTests : IDisposable
{
    private const string StandIn = """
        #!/usr/bin/env bash
        set -euo pipefail
        for argument in "$@"; do echo "arg=$argument"; done
        echo "endpoint=${AWS_ENDPOINT_URL:-unset}"
        echo "region=${AWS_REGION:-unset}"
        echo "extra=${EXTRA:-unset}"
        echo "cwd=$PWD"
        if read -r line; then echo "stdin=$line"; else echo "stdin=eof"; fi
        if [[ -n "${SLEEP:-}" ]]; then sleep "$SLEEP" & echo "sleeper=$!"; wait; fi
        echo "to stderr" >&2
        exit "${EXIT_WITH:-0}"
        """;

    private static readonly Dictionary<string, string> s_motoEnvironment = new()
    {
        ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1",
        ["AWS_REGION"] = "us-east-1",
    };

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("ecrutils-buildscript-");

    public BuildScriptTests()
    {
        var script = Path.Combine(_root.FullName, "build.sh");
        File.WriteAllText(script, StandIn.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Run_PassesEachArgumentVerbatim_FromTheRepositoryRoot()
    {
        var sut = CreateSut();

        var result = await sut.RunAsync(["--target=DeleteOldestImages", "--environment=a b", "--tag-pattern=^x\"$"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("arg=--target=DeleteOldestImages\narg=--environment=a b\narg=--tag-pattern=^x\"$\n", Lines(result.StandardOutput), StringComparison.Ordinal);
        Assert.Contains($"cwd={_root.FullName}\n", Lines(result.StandardOutput), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SetsMotoVariables_AndTheTestsExtras()
    {
        var sut = CreateSut();

        var result = await sut.RunAsync([], new Dictionary<string, string?> { ["EXTRA"] = "x", ["AWS_REGION"] = null });

        var output = Lines(result.StandardOutput);
        Assert.Contains("endpoint=http://127.0.0.1:1\n", output, StringComparison.Ordinal);
        Assert.Contains("region=unset\n", output, StringComparison.Ordinal);
        Assert.Contains("extra=x\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_GivesTheScriptNoStdin()
    {
        var sut = CreateSut();

        var result = await sut.RunAsync([]);

        Assert.Contains("stdin=eof\n", Lines(result.StandardOutput), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ReturnsExitCodeAndStandardError()
    {
        var sut = CreateSut();

        var result = await sut.RunAsync([], new Dictionary<string, string?> { ["EXIT_WITH"] = "4" });

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("to stderr\n", Lines(result.StandardError));
    }

    [Fact]
    public async Task Run_StopsTheWholeProcessTree_WhenTheTimeoutPasses()
    {
        var sut = CreateSut(TimeSpan.FromMilliseconds(500));

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => sut.RunAsync([], new Dictionary<string, string?> { ["SLEEP"] = "60" }));

        var sleeper = int.Parse(
            Lines(error.Message).Split('\n').Single(line => line.StartsWith("sleeper=", StringComparison.Ordinal))["sleeper=".Length..],
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await HasExitedAsync(sleeper), $"The script's child {sleeper} outlived the timeout.");
    }

    [Fact]
    public void RepositoryRoot_HoldsTheBuildScript()
    {
        var root = RepositoryRoot.Find();

        Assert.True(File.Exists(Path.Combine(root, "build.sh")), $"No build.sh in {root}.");
    }

    private BuildScript CreateSut(TimeSpan? timeout = null) =>
        new(_root.FullName, "build.sh", s_motoEnvironment, buildFirst: false) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    private static string Lines(string text) => text.ReplaceLineEndings("\n");

    // A killed process lingers until it is reaped, so give it a moment rather than look once.
    private static async Task<bool> HasExitedAsync(int processId)
    {
        System.Diagnostics.Process process;
        try
        {
            process = System.Diagnostics.Process.GetProcessById(processId);
        }
        catch (ArgumentException)
        {
            return true;
        }

        using (process)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(deadline.Token);
            return process.HasExited;
        }
    }
}
