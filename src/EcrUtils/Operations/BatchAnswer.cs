using EcrUtils.Ecr;

namespace EcrUtils.Operations;

/// <summary>
/// Classifies a BatchDeleteImage answer once, id by id, for every reader of it (the run's result, the report, the
/// progress and the deletion of children and companions).
/// </summary>
/// <remarks>
/// An id counts as gone only when the answer says so: listed among the deleted ids, or failed with <c>ImageNotFound</c>.
/// An id the answer leaves out is <see cref="IdOutcome.Unconfirmed"/>, never removed: the run cannot know what became
/// of it (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_BatchDeleteImage.html lists every deleted id).
/// </remarks>
public static class BatchAnswer
{
    /// <summary>Classifies <paramref name="answer"/> for each id of <paramref name="sent"/>.</summary>
    /// <param name="sent">The ids of the call, each by tag or by digest.</param>
    /// <param name="answer">ECR's answer to the call.</param>
    /// <param name="plannedDigest">The digest the plan meant an id to remove from, or null where no check applies.</param>
    public static BatchOutcome Classify(IReadOnlyList<ImageId> sent, BatchDeleteResult answer, Func<ImageId, string?> plannedDigest)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(plannedDigest);
        var deletedByTag = new Dictionary<string, DeletedImage>(StringComparer.Ordinal);
        var deletedDigests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var deleted in answer.Deleted)
        {
            if (deleted.Tag is not null)
            {
                deletedByTag.TryAdd(deleted.Tag, deleted);
            }

            if (deleted.Digest is not null)
            {
                deletedDigests.Add(deleted.Digest);
            }
        }

        var failures = new Dictionary<ImageId, ImageFailure>();
        foreach (var failure in answer.Failures)
        {
            failures.TryAdd(failure.ImageId, failure);
        }

        var results = new IdResult[sent.Count];
        for (var i = 0; i < sent.Count; i++)
        {
            results[i] = Classify(sent[i], deletedByTag, deletedDigests, failures, plannedDigest);
        }

        return new BatchOutcome(results);
    }

    /// <summary>
    /// A call that got no answer that says what it did (given up when the run was aborted, timed out, cut off, or
    /// refused by a server error or throttling after every retry): ECR may or may not have carried it out, so each id
    /// is <see cref="IdOutcome.Unconfirmed"/>.
    /// </summary>
    public static BatchOutcome Unanswered(IReadOnlyList<ImageId> sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        return new BatchOutcome([.. sent.Select(id => new IdResult(id, IdOutcome.Unconfirmed))], Answered: false);
    }

    private static IdResult Classify(
        ImageId id,
        Dictionary<string, DeletedImage> deletedByTag,
        HashSet<string> deletedDigests,
        Dictionary<ImageId, ImageFailure> failures,
        Func<ImageId, string?> plannedDigest)
    {
        if (id.Tag is { } tag && deletedByTag.TryGetValue(tag, out var deleted))
        {
            var planned = plannedDigest(id);
            var moved = deleted.Digest is not null && planned is not null && !string.Equals(planned, deleted.Digest, StringComparison.Ordinal);
            return new IdResult(id, moved ? IdOutcome.TagMoved : IdOutcome.Removed, deleted.Digest);
        }

        // A deletion by digest takes the image's tags along, so ECR may list it under each tag rather than bare.
        if (id.Digest is { } digest && deletedDigests.Contains(digest))
        {
            return new IdResult(id, IdOutcome.Removed, digest);
        }

        if (failures.TryGetValue(id, out var failure))
        {
            var outcome = failure.Code switch
            {
                ImageFailure.ImageNotFound => IdOutcome.AlreadyGone,
                ImageFailure.ImageReferencedByManifestList => IdOutcome.KeptByIndex,
                _ => IdOutcome.Failed,
            };
            return new IdResult(id, outcome, Failure: failure);
        }

        return new IdResult(id, IdOutcome.Unconfirmed);
    }
}
