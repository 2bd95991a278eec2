using EcrUtils.Ecr;
using EcrUtils.Planning;

namespace EcrUtils.Operations;

/// <summary>
/// Removes the environment tags a repository's plan removes, by tag alone, and classifies each answer once: which
/// tags are gone, which moved to another image before they were removed, which failed, and which ECR's answer left
/// unconfirmed. The recorder gets each batch's classification as soon as it returns.
/// </summary>
internal sealed class TagRemoval(IEcrClient client, string? registryId, EcrRepository repository, IDeletionRecorder recorder)
{
    public async Task RunAsync(RepositoryPlan plan, int maxParallel, RunStop stop)
    {
        // Plain loops: this lies between the last page and the first deletion, once per image of the repository.
        var plannedDigestByTag = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var decision in plan.Decisions)
        {
            if (decision.Action == ImageAction.Remove)
            {
                foreach (var tag in decision.TagsToRemove)
                {
                    // A tag is removed from one image only: an image holding a tag listed on two is kept (MovedTagGuard).
                    plannedDigestByTag.Add(tag, decision.Image.Digest);
                }
            }
        }

        if (plannedDigestByTag.Count == 0)
        {
            return;
        }

        var tags = plannedDigestByTag.Keys.ToArray();
        Array.Sort(tags, StringComparer.Ordinal);
        await ConcurrentBatches.DeleteAsync(
            client,
            registryId,
            repository.Name,
            Array.ConvertAll(tags, ImageId.ForTag),
            maxParallel,
            (sent, answer) => Record(
                answer is null ? BatchAnswer.Unanswered(sent) : BatchAnswer.Classify(sent, answer, id => plannedDigestByTag.GetValueOrDefault(id.Tag!)),
                plannedDigestByTag),
            stop).ConfigureAwait(false);
    }

    private void Record(BatchOutcome batch, Dictionary<string, string> plannedDigestByTag)
    {
        recorder.BatchCompleted(repository, batch);
        foreach (var result in batch.Ids)
        {
            if (Problem(result, plannedDigestByTag.GetValueOrDefault(result.Id.Tag!), batch.Answered) is { } problem)
            {
                recorder.Problem(repository, problem);
            }
        }
    }

    private static DeletionProblem? Problem(IdResult result, string? planned, bool answered)
    {
        var tag = result.Id.Tag;
        return result.Outcome switch
        {
            IdOutcome.TagMoved => new DeletionProblem(
                tag,
                result.DeletedDigest,
                DeletionProblem.TagMoved,
                $"Tag {tag} had moved from {planned} to {result.DeletedDigest} between planning and deleting, and was removed from {result.DeletedDigest}. "
                + "If that image is still wanted, tag it again: it may have been deleted if that was its last tag."),
            IdOutcome.Failed => new DeletionProblem(tag, result.Id.Digest, result.Failure!.Code, result.Failure.Reason),
            IdOutcome.Unconfirmed => DeletionProblem.UnconfirmedId(result.Id, planned, answered),
            _ => null,
        };
    }
}
