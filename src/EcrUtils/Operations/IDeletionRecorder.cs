using EcrUtils.Ecr;
using EcrUtils.Planning;

namespace EcrUtils.Operations;

/// <summary>Receives a deletion run's events as they happen, so that a killed run leaves a truthful record.</summary>
public interface IDeletionRecorder
{
    /// <summary>A repository's plan is made; nothing of it is done yet.</summary>
    void Planned(EcrRepository repository, RepositoryPlan plan);

    /// <summary>One BatchDeleteImage call completed: these tags are gone and these ids failed.</summary>
    void BatchCompleted(EcrRepository repository, BatchDeleteResult batch);

    /// <summary>A problem that needs a person's attention, e.g. a tag that moved to another image.</summary>
    void Problem(EcrRepository repository, DeletionProblem problem);

    /// <summary>The repository could not be processed (or only in part).</summary>
    void RepositoryFailed(EcrRepository repository, string reason);

    /// <summary>The repository is done.</summary>
    void RepositoryCompleted(EcrRepository repository);
}
