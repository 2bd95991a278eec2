using System.Diagnostics;
using System.Globalization;
using EcrUtils.Benchmarks;

// Without arguments, runs every scenario, each run in a process of its own (so that each peak working set is its own),
// and prints the table; with a scenario number, measures that scenario here against the simulated ECR, which it starts in a third
// process ("serve" and the number), and prints one result line for the parent to read.
if (args.Length == 2 && args[0] == "serve" && int.TryParse(args[1], CultureInfo.InvariantCulture, out var served))
{
    await ScenarioServer.RunAsync(Scenario.All[served]);
    return 0;
}

if (args.Length == 1 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var number))
{
    var result = await ScenarioRunner.RunAsync(number, CancellationToken.None);
    Console.WriteLine(result.ToLine());
    return 0;
}

// One run moves by 5% or more from the next on shared cores: each scenario runs three times, and the table shows the
// run of median wall time with the range of the three.
const int RunsPerScenario = 3;
var results = new List<ScenarioRuns>();
for (var i = 0; i < Scenario.All.Count; i++)
{
    Console.Error.WriteLine($"Running {Scenario.All[i].Name}...");
    var runs = new List<ScenarioResult>();
    for (var run = 0; run < RunsPerScenario; run++)
    {
        runs.Add(await RunChildAsync(i));
    }

    results.Add(new ScenarioRuns(runs));
}

Console.WriteLine(ResultTable.Format(results));
// Throttled attempts are the price of the quota; every call that ECR answered must still be one the lower bound counts.
return results.SelectMany(r => r.Runs).All(r => r.AnsweredCalls == r.Scenario.LowerBoundCalls) ? 0 : 1;

static async Task<ScenarioResult> RunChildAsync(int index)
{
    using var process = Process.Start(ChildProcess.StartInfo(index.ToString(CultureInfo.InvariantCulture)))!;
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"Scenario {Scenario.All[index].Name} failed with exit code {process.ExitCode}; its output is above.");
    }

    return ScenarioResult.Parse(Scenario.All[index], output.Trim().Split('\n')[^1]);
}
