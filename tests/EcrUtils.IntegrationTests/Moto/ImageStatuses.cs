namespace EcrUtils.IntegrationTests;

/// <summary>
/// ECR's image statuses (<c>imageStatus</c> in DescribeImages), which the moto launcher emulates:
/// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ImageDetail.html
/// </summary>
public static class ImageStatuses
{
    public const string Active = "ACTIVE";

    public const string Archived = "ARCHIVED";

    /// <summary>Being restored from the archive; ACTIVE once the launcher's activation delay has passed.</summary>
    public const string Activating = "ACTIVATING";
}
