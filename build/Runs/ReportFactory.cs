using Cake.Core;
using EcrUtils.Options;
using EcrUtils.Reporting;

namespace Build.Runs;

/// <summary>Creates a run's report: at <c>--report</c>, else <c>artifacts/&lt;task&gt;-&lt;environment&gt;.json</c>.</summary>
public sealed class ReportFactory(ICakeEnvironment environment, TimeProvider timeProvider)
{
    public ReportWriter Create(EcrOptions options, EcrTask task)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A sandbox run's report stays apart from the reports of real runs.
        var folder = options.Sandbox ? Path.Combine("artifacts", "sandbox") : "artifacts";
        var path = options.ReportPath ?? Path.Combine(folder, $"{task}-{options.Environment}.json");
        return new ReportWriter(Path.Combine(environment.WorkingDirectory.FullPath, path), task, options, timeProvider);
    }
}
