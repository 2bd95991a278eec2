using Cake.Core;
using EcrUtils;
using EcrUtils.Options;
using EcrUtils.Reporting;
using EcrUtils.Results;

namespace Build.Runs;

/// <summary>
/// Starts a run's report: at <c>--report</c> (a relative path from the folder the command was run in), else at
/// <c>artifacts/&lt;task&gt;-&lt;environment&gt;.json</c> in the checkout.
/// </summary>
public sealed class ReportFactory(CallerPaths paths)
{
    /// <summary>Creates the report file of <paramref name="run"/>, which it follows from now on.</summary>
    /// <exception cref="CakeException">--report names a folder or a file that cannot be written (exit code 2).</exception>
    public ReportWriter Start(EcrOptions options, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(run);
        if (options.ReportPath is not { } given)
        {
            // A sandbox run's report stays apart from the reports of real runs.
            var folder = options.Sandbox ? Path.Combine("artifacts", "sandbox") : "artifacts";
            return Start(Path.Combine(paths.Checkout, folder, options.Environment is null ? $"{run.Task}.json" : $"{run.Task}-{options.Environment}.json"), run);
        }

        var path = paths.Resolve(given);
        if (Directory.Exists(path))
        {
            throw Unwritable(given, "it is a folder", "a file in it, e.g. " + Path.Combine(given, $"{run.Task}.json"));
        }

        try
        {
            return Start(path, run);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(given, ex.Message, "a file in a folder you can write to");
        }
    }

    // The report at the path is kept aside for the new one; when it is the record of an unfinished run, the new run
    // accounts for the tags that run left open.
    private static ReportWriter Start(string path, RunResult run)
    {
        if (EarlierRunReader.Read(path, run) is { } earlier)
        {
            run.FollowsUp(earlier);
        }

        return ReportWriter.Start(path, run);
    }

    private static CakeException Unwritable(string given, string why, string instead) => new(
        ExitCodes.UsageError,
        $"--{ArgumentNames.Report}={given} cannot be written ({why}): pass {instead}. Nothing was read or changed.");
}
