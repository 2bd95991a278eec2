using EcrUtils.Ecr;
using EcrUtils.Operations;
using EcrUtils.Planning;

namespace EcrUtils.Results;

/// <summary>
/// One repository of a deletion run: its plan, what became of each image, and the counts that every output shows.
/// The counts are kept here and nowhere else, moved by each answer as it is taken in.
/// </summary>
public sealed class RepositoryResult
{
    private readonly List<ImageResult> _images = [];
    private readonly List<DeletionProblem> _problems = [];
    private readonly bool _preview;
    private readonly IReadOnlySet<string>? _openEarlier;
    private Dictionary<string, ImageResult>? _imagesByTag;

    internal RepositoryResult(EcrRepository repository, bool preview, IReadOnlySet<string>? openEarlier = null, bool archives = false)
    {
        Repository = repository;
        _preview = preview;
        _openEarlier = openEarlier;
        Archives = archives;
    }

    /// <summary>Whether the run archives instead of deleting (<c>--archive</c>).</summary>
    public bool Archives { get; }

    /// <summary>The repository.</summary>
    public EcrRepository Repository { get; }

    /// <summary>Where it stands.</summary>
    public RepositoryStatus Status { get; private set; } = RepositoryStatus.Planning;

    /// <summary>Why it failed, if it did.</summary>
    public string? Error { get; private set; }

    /// <summary>The plan; null until the repository is planned (and when it failed before).</summary>
    public RepositoryPlan? Plan { get; private set; }

    /// <summary>Every environment image with its decision and outcome, newest first.</summary>
    public IReadOnlyList<ImageResult> Images => _images;

    /// <summary>What needs a person's attention: failed removals, moved tags, unconfirmed ids.</summary>
    public IReadOnlyList<DeletionProblem> Problems => _problems;

    /// <summary>Environment images kept.</summary>
    public int ImagesKept { get; private set; }

    /// <summary>Images the environment is (in a preview: would be) removed from.</summary>
    public int ImagesToRemove { get; private set; }

    /// <summary>Images, children and companions that left (in a preview: would leave) the registry.</summary>
    public int ImagesDeleted { get; private set; }

    /// <summary>Images and children archived instead of deleted (in a preview: that would be); <c>--archive</c> only.</summary>
    public int ImagesArchived { get; private set; }

    /// <summary>The size of what was (in a preview: would be) archived.</summary>
    public long BytesArchived { get; private set; }

    /// <summary>Images that lost every tag they were to lose (in a preview: 0); less than planned when a run was stopped or failed.</summary>
    public int ImagesRemoved => _images.Count(i => i.Outcome == ImageOutcome.Removed);

    /// <summary>Planned tags that are gone (removed now, or already gone); 0 in a preview.</summary>
    public int TagsRemoved { get; private set; }

    /// <summary>Tags of companions (signatures, attestations, SBOMs) that went with the deleted images; 0 in a preview.</summary>
    public int CompanionTagsRemoved { get; private set; }

    /// <summary>Bytes freed (in a preview: that would be freed), children and companions included.</summary>
    public long BytesReclaimed { get; private set; }

    /// <summary>
    /// Tags that the earlier, unfinished run at the same report path set out to remove and left open (not reached,
    /// unconfirmed), which this run found gone: that run removed them. Not counted in <see cref="TagsRemoved"/>.
    /// </summary>
    public IReadOnlyList<string> RemovedByEarlierRun { get; private set; } = [];

    /// <summary>Planned tags that are gone (removed now, or already gone), newest image first.</summary>
    public IReadOnlySet<string> RemovedTags => _images.SelectMany(i => i.RemovedTags).ToHashSet(StringComparer.Ordinal);

    /// <summary>The images that left the registry because their last tag went (none in a preview).</summary>
    public IReadOnlyList<ImageDecision> DeletedImages => [.. _images.Where(i => i.IsDeleted(preview: false)).Select(i => i.Decision)];

    /// <summary>The children and companions that were deleted with them (none in a preview).</summary>
    public IReadOnlyList<RelatedImageDecision> RelatedDeleted =>
        [.. _images.SelectMany(i => i.Related).Where(r => r.Status == RelatedImageStatus.Deleted).Select(r => r.Decision)];

    /// <summary>Whether anything failed in this repository.</summary>
    public bool HasFailures => Error is not null || _problems.Count > 0;

    /// <summary>Whether the repository is done, failed or (in a preview) planned: nothing more happens to it.</summary>
    public bool IsFinished { get; private set; }

    internal IReadOnlyList<ImageResult> ApplyPlan(RepositoryPlan plan)
    {
        Status = _preview ? RepositoryStatus.Planned : RepositoryStatus.Deleting;
        Plan = plan;
        ImagesKept = plan.Kept.Count;
        ImagesToRemove = plan.Removals.Count;
        _images.Clear();
        _imagesByTag = null;
        _images.AddRange(plan.Decisions.Select(d => new ImageResult(d)));
        if (_openEarlier is { Count: > 0 } open)
        {
            // A tag of the environment that is still there is on an image of the environment, so in the plan.
            var present = plan.Decisions.SelectMany(d => d.Image.Tags).ToHashSet(StringComparer.Ordinal);
            RemovedByEarlierRun = [.. open.Where(tag => !present.Contains(tag)).Order(StringComparer.Ordinal)];
        }

        Recount();
        return _images;
    }

    internal IReadOnlyList<ImageResult> Apply(BatchOutcome batch)
    {
        var gone = TagsWhere(batch, r => r.IsGone);
        var failed = TagsWhere(batch, r => r.Outcome == IdOutcome.Failed);
        // ECR keeps an image that an index still lists rather than delete it: that image is kept, not failed.
        var keptByIndex = TagsWhere(batch, r => r.Outcome == IdOutcome.KeptByIndex);
        var unconfirmed = TagsWhere(batch, r => r.Outcome == IdOutcome.Unconfirmed);
        // Only the images whose tags were in this batch, and the counters moved by what changed: visiting every image
        // of the repository per batch made a run over 20,000 images quadratic.
        var byTag = ImagesByTag();
        var touched = gone.Concat(failed).Concat(keptByIndex).Concat(unconfirmed).Select(byTag.GetValueOrDefault).OfType<ImageResult>().Distinct().ToList();
        foreach (var image in touched)
        {
            var countedBefore = image.IsDeleted(_preview);
            TagsRemoved += image.Apply(gone, failed, keptByIndex, unconfirmed);
            if (image.IsDeleted(_preview) != countedBefore)
            {
                var sign = countedBefore ? -1 : 1;
                ImagesDeleted += sign;
                BytesReclaimed += sign * image.Decision.Image.SizeInBytes;
            }
        }

        return touched;
    }

    internal IReadOnlyList<ImageResult> PlanRelated(CleanupPlan plan)
    {
        foreach (var image in _images)
        {
            image.ClearRelated();
        }

        var byDigest = _images.ToLookup(i => i.Decision.Image.Digest, StringComparer.Ordinal);
        foreach (var decision in plan.Decisions)
        {
            byDigest[decision.Root].FirstOrDefault()?.AddRelated(new RelatedImageResult(decision));
        }

        Recount();
        return _images;
    }

    internal IReadOnlyList<ImageResult> Apply(IReadOnlyList<RelatedImageOutcome> outcomes)
    {
        var related = _images.SelectMany(i => i.Related).ToLookup(r => r.Decision.Image.Digest, StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            foreach (var entry in related[outcome.Digest])
            {
                entry.Apply(outcome);
            }
        }

        Recount();
        return [.. _images.Where(i => i.Related.Count > 0)];
    }

    internal IReadOnlyList<ImageResult> Apply(IReadOnlyList<ArchivalOutcome> outcomes)
    {
        var touched = new List<ImageResult>();
        foreach (var outcome in outcomes)
        {
            foreach (var image in _images.Where(i => i.Decision.Action == ImageAction.Archive && string.Equals(i.Decision.Image.Digest, outcome.Digest, StringComparison.Ordinal)))
            {
                image.Apply(outcome);
                touched.Add(image);
            }

            foreach (var image in _images)
            {
                foreach (var related in image.Related.Where(r => r.Decision.Archives && string.Equals(r.Decision.Image.Digest, outcome.Digest, StringComparison.Ordinal)))
                {
                    related.Apply(new RelatedImageOutcome(
                        outcome.Digest,
                        outcome.Status switch
                        {
                            ArchivalStatus.Archived => RelatedImageStatus.Archived,
                            ArchivalStatus.Failed => RelatedImageStatus.Failed,
                            _ => RelatedImageStatus.Unconfirmed,
                        },
                        outcome.Reason));
                    touched.Add(image);
                }
            }
        }

        Recount();
        return [.. touched.Distinct()];
    }

    internal void Add(DeletionProblem problem) => _problems.Add(problem);

    internal void Fail(string reason)
    {
        Status = RepositoryStatus.Failed;
        Error = reason;
    }

    internal void Complete() =>
        Status = _problems.Count > 0 ? RepositoryStatus.Failed : _preview ? RepositoryStatus.Planned : RepositoryStatus.Done;

    internal void Cancel() => Status = RepositoryStatus.Cancelled;

    /// <summary>Marks the repository finished; false when it already was (a failure after completion counts once).</summary>
    internal bool Finish()
    {
        var first = !IsFinished;
        IsFinished = true;
        return first;
    }

    private static HashSet<string> TagsWhere(BatchOutcome batch, Func<IdResult, bool> outcome) =>
        batch.Ids.Where(outcome).Select(r => r.Id.Tag).OfType<string>().ToHashSet(StringComparer.Ordinal);

    // The images to remove by the tags to remove; a new plan drops it, as it replaces the images.
    private Dictionary<string, ImageResult> ImagesByTag()
    {
        if (_imagesByTag is null)
        {
            _imagesByTag = new Dictionary<string, ImageResult>(StringComparer.Ordinal);
            foreach (var image in _images.Where(i => i.Decision.Action == ImageAction.Remove))
            {
                foreach (var tag in image.Decision.TagsToRemove)
                {
                    _imagesByTag.TryAdd(tag, image);
                }
            }
        }

        return _imagesByTag;
    }

    // Images that left count with their children and companions; in a preview, what would leave.
    private void Recount()
    {
        var deleted = _images.Where(i => i.IsDeleted(_preview)).ToList();
        var related = _images.SelectMany(i => i.Related).Where(r => r.IsDeleted(_preview)).ToList();
        ImagesDeleted = deleted.Count + related.Count;
        CompanionTagsRemoved = _preview ? 0 : related.Where(r => r.Decision.Kind == RelatedImageKind.Companion).Sum(r => r.Decision.Image.Tags.Count);
        BytesReclaimed = deleted.Sum(i => i.Decision.Image.SizeInBytes) + related.Sum(r => r.Decision.Image.SizeInBytes);
        var archived = _images.Where(i => i.IsArchived(_preview)).Select(i => i.Decision.Image)
            .Concat(_images.SelectMany(i => i.Related).Where(r => r.IsArchived(_preview)).Select(r => r.Decision.Image))
            .ToList();
        ImagesArchived = archived.Count;
        BytesArchived = archived.Sum(i => i.SizeInBytes);
    }
}
