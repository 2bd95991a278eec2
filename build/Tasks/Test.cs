using Build.Hosting;
using Cake.Common.IO;
using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Test;
using Cake.Core;
using EcrUtils;
using Spectre.Console;

namespace Build.Tasks;

[TaskName(nameof(Test))]
[TaskDescription("Runs the unit, contract and integration tests (the integration tests start moto_server on 127.0.0.1).")]
[IsDependentOn(typeof(Build))]
public sealed class Test : FrostingTask<EcrContext>
{
    public override void Run(EcrContext context)
    {
        var results = context.Environment.WorkingDirectory.Combine("artifacts/test-results");
        context.CleanDirectory(results);
        var failedProjects = new List<string>();
        foreach (var project in TestProjects.All)
        {
            try
            {
                context.DotNetTest(project, new DotNetTestSettings
                {
                    Configuration = TestProjects.Configuration,
                    NoBuild = true,
                    ResultsDirectory = results,
                    Loggers = ["trx", "console;verbosity=normal"],
                });
            }
            catch (CakeException)
            {
                failedProjects.Add(project);
            }
        }

        var totals = TestResultTotals.Read(context.GetFiles($"{results.FullPath}/*.trx").Select(f => f.FullPath));
        // A plain line, without the log's colours, so that CI systems can read the totals.
        context.Console.WriteLine($"Tests: {totals.Passed} passed, {totals.Failed} failed, {totals.Skipped} skipped");
        if (failedProjects.Count > 0 || totals.Failed > 0)
        {
            throw new CakeException(ExitCodes.Failure, $"Tests failed in {string.Join(", ", failedProjects)}; the TRX files are in {results.FullPath}.");
        }
    }
}
