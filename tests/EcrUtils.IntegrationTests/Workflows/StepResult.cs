namespace EcrUtils.IntegrationTests;

/// <summary>How a step's script ended, the outputs it set and the job summary it wrote.</summary>
public sealed record StepResult(ProcessResult Process, IReadOnlyDictionary<string, string> Outputs, string Summary)
{
    public int ExitCode => Process.ExitCode;

    public string Output(string name) =>
        Outputs.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"The step set no output '{name}'. {this}");

    public override string ToString() =>
        $"{Process}{Environment.NewLine}outputs: {string.Join(", ", Outputs.Select(o => $"{o.Key}={o.Value}"))}{Environment.NewLine}summary:{Environment.NewLine}{Summary}";
}
