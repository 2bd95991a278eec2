namespace EcrUtils.Sandbox;

/// <summary>ECR's image statuses, as the launcher reports them: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ImageDetail.html</summary>
internal static class ImageStatuses
{
    public const string Active = "ACTIVE";

    public const string Archived = "ARCHIVED";

    /// <summary>Being restored from the archive.</summary>
    public const string Activating = "ACTIVATING";
}
