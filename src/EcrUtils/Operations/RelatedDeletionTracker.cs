using EcrUtils.Ecr;
using EcrUtils.Planning;

namespace EcrUtils.Operations;

/// <summary>
/// Follows the deletion of one wave of children and companions across BatchDeleteImage calls: a companion with
/// several tags is deleted only when all its tags are, and its outcome is known only then.
/// </summary>
internal sealed class RelatedDeletionTracker
{
    private readonly Dictionary<ImageId, RelatedImageDecision> _owners = [];
    private readonly Dictionary<string, Progress> _progress = new(StringComparer.Ordinal);
    private readonly List<RelatedImageDecision> _deleted = [];
    private readonly List<DeletionProblem> _problems = [];

    public RelatedDeletionTracker(IReadOnlyList<RelatedImageDecision> decisions)
    {
        foreach (var decision in decisions)
        {
            _progress[decision.Image.Digest] = new Progress(decision);
            foreach (var id in decision.ImageIds)
            {
                _owners[id] = decision;
            }
        }

        ImageIds = [.. decisions.SelectMany(d => d.ImageIds)];
    }

    /// <summary>Every id to delete, children by digest and companions by tag.</summary>
    public IReadOnlyList<ImageId> ImageIds { get; }

    /// <summary>The decisions whose image is gone.</summary>
    public IReadOnlyList<RelatedImageDecision> Deleted => _deleted;

    /// <summary>Takes in one call's answer to <paramref name="sent"/>; returns the outcomes that it completed.</summary>
    public IReadOnlyList<RelatedImageOutcome> Record(IReadOnlyList<ImageId> sent, BatchDeleteResult batch)
    {
        var outcomes = new List<RelatedImageOutcome>();
        foreach (var id in sent)
        {
            var progress = _progress[_owners[id].Image.Digest];
            var failure = batch.Failures.FirstOrDefault(f => f.ImageId == id);
            if (failure is null || failure.Code == ImageFailure.ImageNotFound)
            {
                // What did not fail is done: moto answers a deletion by digest with no imageIds at all.
                CheckDigest(id, batch, progress.Decision);
            }
            else if (failure.Code == ImageFailure.ImageReferencedByManifestList)
            {
                progress.StillListed = true;
            }
            else
            {
                progress.Failure ??= failure;
                _problems.Add(Problem(progress.Decision, failure));
            }

            if (++progress.Resolved == progress.Decision.ImageIds.Count)
            {
                outcomes.Add(progress.Outcome());
                if (progress.Outcome().Status == RelatedImageStatus.Deleted)
                {
                    _deleted.Add(progress.Decision);
                }
            }
        }

        return outcomes;
    }

    public List<DeletionProblem> TakeProblems()
    {
        var problems = _problems.ToList();
        _problems.Clear();
        return problems;
    }

    private static DeletionProblem Problem(RelatedImageDecision decision, ImageFailure failure)
    {
        var what = decision.Kind == RelatedImageKind.Child ? "child manifest" : "companion";
        return new DeletionProblem(
            failure.ImageId.Tag,
            decision.Image.Digest,
            failure.Code,
            $"The {what} {decision.Image.Digest} of deleted {decision.Parent} was not deleted: {failure.Reason}. It is left "
            + $"behind and a rerun will not find it (what it went with is gone): once nothing lists it, delete it with "
            + $"aws ecr batch-delete-image --image-ids imageDigest={decision.Image.Digest}.");
    }

    // A companion tag that was moved to another image before it was removed was removed from that image instead.
    private void CheckDigest(ImageId id, BatchDeleteResult batch, RelatedImageDecision decision)
    {
        if (id.Tag is not null
            && batch.Deleted.FirstOrDefault(d => d.Tag == id.Tag) is { Digest: { } digest }
            && !string.Equals(digest, decision.Image.Digest, StringComparison.Ordinal))
        {
            _problems.Add(new DeletionProblem(
                id.Tag,
                digest,
                DeletionProblem.TagMoved,
                $"Companion tag {id.Tag} had moved from {decision.Image.Digest} to {digest} before it was removed, and was removed from {digest}. "
                + "Check whether that image is still wanted; tag it again if so."));
        }
    }

    private sealed class Progress(RelatedImageDecision decision)
    {
        public RelatedImageDecision Decision { get; } = decision;

        public int Resolved { get; set; }

        public bool StillListed { get; set; }

        public ImageFailure? Failure { get; set; }

        public RelatedImageOutcome Outcome() =>
            Failure is not null ? new RelatedImageOutcome(Decision.Image.Digest, RelatedImageStatus.Failed, $"{Failure.Code}: {Failure.Reason}")
            : StillListed ? new RelatedImageOutcome(Decision.Image.Digest, RelatedImageStatus.Kept, "ECR refused: an index still lists it (ImageReferencedByManifestList)")
            : new RelatedImageOutcome(Decision.Image.Digest, RelatedImageStatus.Deleted);
    }
}
