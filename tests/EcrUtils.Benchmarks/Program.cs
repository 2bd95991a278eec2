using System.Diagnostics;
using System.Globalization;
using EcrUtils.Benchmarks;

// Without arguments, runs every scenario in a process of its own (so that each peak working set is its own) and prints
// the table; with a scenario number, runs that scenario here and prints one result line for the parent to read.
if (args.Length == 1 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var number))
{
    var result = await ScenarioRunner.RunAsync(Scenario.All[number], CancellationToken.None);
    Console.WriteLine(result.ToLine());
    return 0;
}

var results = new List<ScenarioResult>();
for (var i = 0; i < Scenario.All.Count; i++)
{
    Console.Error.WriteLine($"Running {Scenario.All[i].Name}...");
    results.Add(await RunChildAsync(i));
}

Console.WriteLine(ResultTable.Format(results));
return results.All(r => r.Calls == r.Scenario.LowerBoundCalls) ? 0 : 1;

static async Task<ScenarioResult> RunChildAsync(int index)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (!Environment.ProcessPath!.EndsWith("EcrUtils.Benchmarks", StringComparison.Ordinal)
        && !Environment.ProcessPath.EndsWith("EcrUtils.Benchmarks.exe", StringComparison.Ordinal))
    {
        // Started through the dotnet host: start the same assembly again.
        start.ArgumentList.Add(typeof(Scenario).Assembly.Location);
    }

    start.ArgumentList.Add(index.ToString(CultureInfo.InvariantCulture));
    using var process = Process.Start(start)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"Scenario {Scenario.All[index].Name} failed with exit code {process.ExitCode}; its output is above.");
    }

    return ScenarioResult.Parse(Scenario.All[index], output.Trim().Split('\n')[^1]);
}
