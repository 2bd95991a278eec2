using EcrUtils.Ecr;
using EcrUtils.InUse;
using EcrUtils.Operations;
using EcrUtils.Options;
using EcrUtils.Planning;
using EcrUtils.Reporting;
using EcrUtils.Results;

namespace EcrUtils.Tests.Operations;

/// <summary>A run's result with its report on disk, as the host wires them: every event goes to the result.</summary>
internal sealed class RecordedRun(RunResult run, ReportWriter writer) : IDeletionRecorder
{
    public RunResult Run { get; } = run;

    public string Path => writer.Path;

    public ReportDocument Document => writer.Document;

    public static RecordedRun Start(string path, EcrTask task, EcrOptions options, TimeProvider time)
    {
        var run = new RunResult(task, options, time);
        return new RecordedRun(run, ReportWriter.Start(path, run));
    }

    public void Complete(RunStatus status) => Run.Complete(status);

    public void RepositoriesFound(IReadOnlyList<EcrRepository> repositories) => Run.RepositoriesFound(repositories);

    public void InUseChecked(InUseCheckOutcome outcome) => Run.InUseChecked(outcome);

    public void InUseFileRead(InUseFileOutcome outcome) => Run.InUseFileRead(outcome);

    public void Planned(EcrRepository repository, RepositoryPlan plan) => Run.Planned(repository, plan);

    public void BatchCompleted(EcrRepository repository, BatchOutcome batch) => Run.BatchCompleted(repository, batch);

    public void RelatedPlanned(EcrRepository repository, CleanupPlan plan) => Run.RelatedPlanned(repository, plan);

    public void RelatedCompleted(EcrRepository repository, IReadOnlyList<RelatedImageOutcome> outcomes) => Run.RelatedCompleted(repository, outcomes);

    public void Archived(EcrRepository repository, IReadOnlyList<ArchivalOutcome> outcomes) => Run.Archived(repository, outcomes);

    public void Problem(EcrRepository repository, DeletionProblem problem) => Run.Problem(repository, problem);

    public void RepositoryFailed(EcrRepository repository, string reason) => Run.RepositoryFailed(repository, reason);

    public void RepositoryCompleted(EcrRepository repository) => Run.RepositoryCompleted(repository);
}
