using EcrUtils.Operations;
using EcrUtils.Planning;

namespace EcrUtils.Results;

/// <summary>A child manifest or companion that goes (or stays) with an image of the plan, and what became of it.</summary>
public sealed class RelatedImageResult
{
    internal RelatedImageResult(RelatedImageDecision decision)
    {
        Decision = decision;
        Status = decision.Deletes || decision.Archives ? RelatedImageStatus.Planned : RelatedImageStatus.Kept;
        Reason = decision.Reason;
    }

    /// <summary>What the plan does with it, and why.</summary>
    public RelatedImageDecision Decision { get; }

    /// <summary>What became of it so far.</summary>
    public RelatedImageStatus Status { get; private set; }

    /// <summary>Why it is kept, failed or unconfirmed; the plan's reason until an answer says more.</summary>
    public string Reason { get; private set; }

    /// <summary>Whether it was archived with its index (in a preview: would be).</summary>
    public bool IsArchived(bool preview) => Decision.Archives && (preview || Status == RelatedImageStatus.Archived);

    /// <summary>Whether it left the registry (in a preview: would leave it).</summary>
    public bool IsDeleted(bool preview) => preview ? Decision.Deletes : Status == RelatedImageStatus.Deleted;

    internal void Apply(RelatedImageOutcome outcome)
    {
        Status = outcome.Status;
        Reason = outcome.Reason ?? Reason;
    }
}
