using EcrUtils.Planning;

namespace EcrUtils.Results;

/// <summary>One image of a repository's plan: the decision about it, and what became of it.</summary>
public sealed class ImageResult
{
    private readonly List<string> _removedTags = [];
    private readonly List<RelatedImageResult> _related = [];

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
    public IReadOnlyList<string> RemovedTags => _removedTags;

    /// <summary>The children and companions that go (or stay) with it.</summary>
    public IReadOnlyList<RelatedImageResult> Related => _related;

    /// <summary>Whether the image left the registry (in a preview: would leave it).</summary>
    public bool IsDeleted(bool preview) => Decision.DeletesImage && (preview || Outcome == ImageOutcome.Removed);

    /// <summary>Takes in the answers for the tags of one batch; returns how many of its tags are newly gone.</summary>
    internal int Apply(IReadOnlySet<string> gone, IReadOnlySet<string> failed, IReadOnlySet<string> keptByIndex)
    {
        var before = _removedTags.Count;
        foreach (var tag in Decision.TagsToRemove)
        {
            if (gone.Contains(tag) && !_removedTags.Contains(tag))
            {
                _removedTags.Add(tag);
            }
        }

        Outcome = Decision.TagsToRemove.Any(failed.Contains) ? ImageOutcome.Failed
            : Decision.TagsToRemove.Any(keptByIndex.Contains) ? ImageOutcome.Kept
            : Decision.TagsToRemove.All(_removedTags.Contains) ? ImageOutcome.Removed
            : _removedTags.Count > 0 ? ImageOutcome.PartlyRemoved
            : Outcome;
        return _removedTags.Count - before;
    }

    internal void ClearRelated() => _related.Clear();

    internal void AddRelated(RelatedImageResult related) => _related.Add(related);
}
