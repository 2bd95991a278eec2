using Cake.Cli;
using Cake.Core;
using Cake.Core.Diagnostics;

namespace Build.Hosting;

/// <summary>Cake's task summary, left out at <c>--verbosity=quiet</c>, where a run prints its closing line and errors only.</summary>
internal sealed class QuietReportPrinter(CakeSpectreReportPrinter printer, ICakeLog log) : ICakeReportPrinter
{
    public void Write(CakeReport report)
    {
        if (log.Verbosity > Verbosity.Quiet)
        {
            printer.Write(report);
        }
    }

    public void WriteStep(string name, Verbosity verbosity) => printer.WriteStep(name, verbosity);

    public void WriteLifeCycleStep(string name, Verbosity verbosity) => printer.WriteLifeCycleStep(name, verbosity);

    public void WriteSkippedStep(string name, Verbosity verbosity) => printer.WriteSkippedStep(name, verbosity);
}
