using EcrUtils.Ecr;
using EcrUtils.InUse;
using EcrUtils.Planning;

namespace EcrUtils.Operations;

/// <summary>Receives a deletion run's events as they happen, so that a killed run leaves a truthful record.</summary>
public interface IDeletionRecorder
{
    /// <summary>The repositories of the scope are known; none is planned yet.</summary>
    void RepositoriesFound(IReadOnlyList<EcrRepository> repositories)
    {
    }

    /// <summary>The in-use check ran (or was off, or failed), before any repository was planned.</summary>
    void InUseChecked(InUseCheckOutcome outcome)
    {
    }

    /// <summary>
    /// The in-use file's lines were sorted for the run's registry (once its repositories were known, before any was
    /// planned): its uses, and the lines of other registries it ignored. Only when the run was given a file.
    /// </summary>
    void InUseFileRead(InUseFileOutcome outcome)
    {
    }

    /// <summary>A repository's plan is made; nothing of it is done yet.</summary>
    void Planned(EcrRepository repository, RepositoryPlan plan);

    /// <summary>One BatchDeleteImage call of the plan's tags completed, classified id by id.</summary>
    void BatchCompleted(EcrRepository repository, BatchOutcome batch);

    /// <summary>
    /// The children and companions of the deleted images are known: those that go too (in a preview: would go) and
    /// those kept. Comes after the repository's tag removals, or after <see cref="Planned"/> in a preview.
    /// </summary>
    void RelatedPlanned(EcrRepository repository, CleanupPlan plan);

    /// <summary>Children or companions were deleted, kept or failed.</summary>
    void RelatedCompleted(EcrRepository repository, IReadOnlyList<RelatedImageOutcome> outcomes);

    /// <summary>Images (and children of indexes) were archived instead of deleted, or failed to be (<c>--archive</c>).</summary>
    void Archived(EcrRepository repository, IReadOnlyList<ArchivalOutcome> outcomes);

    /// <summary>A problem that needs a person's attention, e.g. a tag that moved to another image.</summary>
    void Problem(EcrRepository repository, DeletionProblem problem);

    /// <summary>The repository could not be processed (or only in part).</summary>
    void RepositoryFailed(EcrRepository repository, string reason);

    /// <summary>The repository is done.</summary>
    void RepositoryCompleted(EcrRepository repository);
}
