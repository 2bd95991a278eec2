using EcrUtils.Operations;
using EcrUtils.Planning;

namespace EcrUtils.Results;

/// <summary>One image of a repository's plan: the decision about it, and what became of it.</summary>
public sealed class ImageResult
{
    // Made on first use: most images of a large plan never have either, and the plan holds one result per image.
    private List<string>? _removedTags;
    private List<RelatedImageResult>? _related;

    internal ImageResult(ImageDecision decision)
    {
        Decision = decision;
        Outcome = decision.Action == ImageAction.Keep ? ImageOutcome.Kept : ImageOutcome.Planned;
    }

    /// <summary>What the plan does with the image, and why.</summary>
    public ImageDecision Decision { get; }

    /// <summary>What became of it so far.</summary>
    public ImageOutcome Outcome { get; private set; }

    /// <summary>The tags it was to lose that are gone, in the order the answers said so.</summary>
    public IReadOnlyList<string> RemovedTags => (IReadOnlyList<string>?)_removedTags ?? [];

    /// <summary>The children and companions that go (or stay) with it.</summary>
    public IReadOnlyList<RelatedImageResult> Related => (IReadOnlyList<RelatedImageResult>?)_related ?? [];

    /// <summary>Whether the image left the registry (in a preview: would leave it).</summary>
    public bool IsDeleted(bool preview) => Decision.DeletesImage && (preview || Outcome == ImageOutcome.Removed);

    /// <summary>Takes in the answers for the tags of one batch; returns how many of its tags are newly gone.</summary>
    internal int Apply(IReadOnlySet<string> gone, IReadOnlySet<string> failed, IReadOnlySet<string> keptByIndex, IReadOnlySet<string> unconfirmed)
    {
        var before = RemovedTags.Count;
        foreach (var tag in Decision.TagsToRemove)
        {
            if (gone.Contains(tag) && !RemovedTags.Contains(tag))
            {
                (_removedTags ??= []).Add(tag);
            }
        }

        Outcome = Decision.TagsToRemove.Any(failed.Contains) ? ImageOutcome.Failed
            : Decision.TagsToRemove.Any(keptByIndex.Contains) ? ImageOutcome.Kept
            : Decision.TagsToRemove.All(RemovedTags.Contains) ? ImageOutcome.Removed
            : Decision.TagsToRemove.Any(unconfirmed.Contains) ? ImageOutcome.Unconfirmed
            : RemovedTags.Count > 0 ? ImageOutcome.PartlyRemoved
            : Outcome;
        return RemovedTags.Count - before;
    }

    /// <summary>Whether the image was archived (in a preview: would be).</summary>
    public bool IsArchived(bool preview) => Decision.Action == ImageAction.Archive && (preview || Outcome == ImageOutcome.Archived);

    internal void Apply(ArchivalOutcome outcome) => Outcome = outcome.Status switch
    {
        ArchivalStatus.Archived => ImageOutcome.Archived,
        ArchivalStatus.Failed => ImageOutcome.Failed,
        _ => ImageOutcome.Unconfirmed,
    };

    internal void ClearRelated() => _related?.Clear();

    internal void AddRelated(RelatedImageResult related) => (_related ??= []).Add(related);
}
