using Cake.Core;
using EcrUtils.Options;
using EcrUtils.Reporting;
using EcrUtils.Results;

namespace Build.Runs;

/// <summary>Starts a run's report: at <c>--report</c>, else <c>artifacts/&lt;task&gt;-&lt;environment&gt;.json</c>.</summary>
public sealed class ReportFactory(ICakeEnvironment environment)
{
    /// <summary>Creates the report file of <paramref name="run"/>, which it follows from now on.</summary>
    public ReportWriter Start(EcrOptions options, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(run);
        // A sandbox run's report stays apart from the reports of real runs.
        var folder = options.Sandbox ? Path.Combine("artifacts", "sandbox") : "artifacts";
        var path = options.ReportPath ?? Path.Combine(folder, $"{run.Task}-{options.Environment}.json");
        return ReportWriter.Start(Path.Combine(environment.WorkingDirectory.FullPath, path), run);
    }
}
