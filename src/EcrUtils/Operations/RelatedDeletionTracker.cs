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

    /// <summary>Takes in one call's answer to <paramref name="sent"/> (null: none came); returns the outcomes that it completed.</summary>
    public IReadOnlyList<RelatedImageOutcome> Record(IReadOnlyList<ImageId> sent, BatchDeleteResult? batch)
    {
        var outcomes = new List<RelatedImageOutcome>();
        // A companion's tags are planned on the companion itself; a child goes by its digest, which needs no check.
        var classified = batch is null ? BatchAnswer.Unanswered(sent) : BatchAnswer.Classify(sent, batch, id => id.Tag is null ? null : _owners[id].Image.Digest);
        foreach (var result in classified.Ids)
        {
            var progress = _progress[_owners[result.Id].Image.Digest];
            switch (result.Outcome)
            {
                case IdOutcome.TagMoved:
                    _problems.Add(Moved(result, progress.Decision));
                    break;
                case IdOutcome.KeptByIndex:
                    progress.StillListed = true;
                    break;
                case IdOutcome.Failed:
                    progress.Failure ??= result.Failure;
                    _problems.Add(Problem(progress.Decision, result.Failure!));
                    break;
                case IdOutcome.Unconfirmed:
                    progress.Unconfirmed = true;
                    _problems.Add(DeletionProblem.UnconfirmedId(result.Id, progress.Decision.Image.Digest, classified.Answered));
                    break;
            }

            if (++progress.Resolved == progress.Decision.ImageIds.Count)
            {
                var outcome = progress.Outcome();
                outcomes.Add(outcome);
                if (outcome.Status == RelatedImageStatus.Deleted)
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
    private static DeletionProblem Moved(IdResult result, RelatedImageDecision decision) => new(
        result.Id.Tag,
        result.DeletedDigest,
        DeletionProblem.TagMoved,
        $"Companion tag {result.Id.Tag} had moved from {decision.Image.Digest} to {result.DeletedDigest} before it was removed, and was removed from {result.DeletedDigest}. "
        + "Check whether that image is still wanted; tag it again if so.");

    private sealed class Progress(RelatedImageDecision decision)
    {
        public RelatedImageDecision Decision { get; } = decision;

        public int Resolved { get; set; }

        public bool StillListed { get; set; }

        public ImageFailure? Failure { get; set; }

        public bool Unconfirmed { get; set; }

        public RelatedImageOutcome Outcome() =>
            Failure is not null ? new RelatedImageOutcome(Decision.Image.Digest, RelatedImageStatus.Failed, $"{Failure.Code}: {Failure.Reason}")
            : Unconfirmed ? new RelatedImageOutcome(Decision.Image.Digest, RelatedImageStatus.Unconfirmed, "no answer of ECR confirmed or refused its deletion")
            : StillListed ? new RelatedImageOutcome(Decision.Image.Digest, RelatedImageStatus.Kept, "ECR refused: an index still lists it (ImageReferencedByManifestList)")
            : new RelatedImageOutcome(Decision.Image.Digest, RelatedImageStatus.Deleted);
    }
}
