namespace EcrUtils.Planning;

/// <summary>What a plan does with an image.</summary>
public enum ImageAction
{
    /// <summary>The image keeps all its tags.</summary>
    Keep,

    /// <summary>The environment's tags are removed from the image; ECR deletes the image when its last tag goes.</summary>
    Remove,

    /// <summary>
    /// The image, which would have been deleted, is archived instead (<c>--archive</c>): it keeps all its tags, cannot be
    /// pulled, and can be restored.
    /// </summary>
    Archive,
}
