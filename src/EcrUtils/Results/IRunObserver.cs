namespace EcrUtils.Results;

/// <summary>Follows a run as its result changes: the report, the progress display.</summary>
public interface IRunObserver
{
    /// <summary>
    /// Called after each change, one change at a time, in order, while the result cannot change: read the run and the
    /// change, and return quickly.
    /// </summary>
    void Changed(RunResult run, RunChange change);
}
