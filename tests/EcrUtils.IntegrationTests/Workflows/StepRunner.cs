using System.Diagnostics;

namespace EcrUtils.IntegrationTests;

/// <summary>
/// Runs the <c>run:</c> script of a workflow step the way a GitHub-hosted runner does: the script in a file,
/// <c>bash --noprofile --norc -eo pipefail</c> (GitHub's command line for <c>shell: bash</c>), the job's and the
/// step's <c>env:</c> evaluated, and the runner's variables: <c>GITHUB_ACTIONS</c>, <c>CI</c>, and a fresh
/// <c>GITHUB_OUTPUT</c> and <c>GITHUB_STEP_SUMMARY</c> file for each step.
/// </summary>
public sealed class StepRunner : IDisposable
{
    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("ecrutils-runner-");
    private readonly string _workingDirectory;
    private readonly IReadOnlyDictionary<string, string> _runnerEnvironment;
    private int _steps;

    /// <param name="workingDirectory">The job's workspace, where the checkout is.</param>
    /// <param name="runnerEnvironment">What earlier steps put in the environment (e.g. the AWS credentials).</param>
    public StepRunner(string workingDirectory, IReadOnlyDictionary<string, string>? runnerEnvironment = null)
    {
        _workingDirectory = workingDirectory;
        _runnerEnvironment = runnerEnvironment ?? new Dictionary<string, string>();
    }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public void Dispose() => _files.Delete(recursive: true);

    /// <summary>Runs <paramref name="step"/> and adds its outputs to <paramref name="context"/> as <c>steps.id.outputs.name</c>.</summary>
    public async Task<StepResult> RunAsync(WorkflowStep step, ExpressionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(context);
        var script = step.Run ?? throw new ArgumentException($"{step} has no run: script.", nameof(step));
        var number = Interlocked.Increment(ref _steps);
        var scriptPath = Path.Combine(_files.FullName, $"step-{number}.sh");
        var outputPath = Path.Combine(_files.FullName, $"output-{number}");
        var summaryPath = Path.Combine(_files.FullName, $"summary-{number}");
        await File.WriteAllTextAsync(scriptPath, script, cancellationToken);
        await File.WriteAllTextAsync(outputPath, string.Empty, cancellationToken);
        await File.WriteAllTextAsync(summaryPath, string.Empty, cancellationToken);

        var startInfo = new ProcessStartInfo("bash") { WorkingDirectory = _workingDirectory };
        foreach (var argument in new[] { "--noprofile", "--norc", "-eo", "pipefail", scriptPath })
        {
            startInfo.ArgumentList.Add(argument);
        }

        ChildEnvironment.Isolate(startInfo.Environment);
        foreach (var (name, value) in _runnerEnvironment)
        {
            startInfo.Environment[name] = value;
        }

        startInfo.Environment["CI"] = "true";
        startInfo.Environment["GITHUB_ACTIONS"] = "true";
        startInfo.Environment["GITHUB_OUTPUT"] = outputPath;
        startInfo.Environment["GITHUB_STEP_SUMMARY"] = summaryPath;
        startInfo.Environment["RUNNER_TEMP"] = _files.FullName;
        foreach (var (name, value) in step.Job.Env.Concat(step.Env))
        {
            startInfo.Environment[name] = context.Evaluate(value);
        }

        var process = await ChildProcess.RunAsync(startInfo, Timeout, cancellationToken);
        var outputs = GitHubOutputFile.Parse(await File.ReadAllTextAsync(outputPath, cancellationToken));
        if (step.Id is { } id)
        {
            context.AddStepOutputs(id, outputs);
        }

        return new StepResult(process, outputs, await File.ReadAllTextAsync(summaryPath, cancellationToken));
    }
}
