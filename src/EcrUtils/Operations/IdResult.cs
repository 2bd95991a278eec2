using EcrUtils.Ecr;

namespace EcrUtils.Operations;

/// <summary>One image id of a BatchDeleteImage call and what the answer says of it.</summary>
/// <param name="Id">The id as it was sent.</param>
/// <param name="Outcome">The one classification of the answer for this id.</param>
/// <param name="DeletedDigest">The digest ECR says the id was deleted from, when it confirmed the deletion.</param>
/// <param name="Failure">ECR's failure for this id, when it listed one.</param>
public sealed record IdResult(ImageId Id, IdOutcome Outcome, string? DeletedDigest = null, ImageFailure? Failure = null)
{
    /// <summary>Whether the id is no longer in the registry: removed now (from the planned image or, moved, from another) or already gone.</summary>
    public bool IsGone => Outcome is IdOutcome.Removed or IdOutcome.AlreadyGone or IdOutcome.TagMoved;
}
