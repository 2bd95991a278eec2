using EcrUtils.Ecr;

namespace EcrUtils.Tests.Fakes;

/// <summary>
/// ECR's image statuses, which the fake keeps per image:
/// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ImageDetail.html
/// </summary>
internal static class FakeEcrImageStatus
{
    public const string Active = EcrImage.ActiveStatus;

    public const string Archived = "ARCHIVED";

    /// <summary>Being restored from the archive; ACTIVE once <see cref="FakeEcr.ActivationDelay"/> has passed on the fake's clock.</summary>
    public const string Activating = "ACTIVATING";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>([Active, Archived, Activating], StringComparer.Ordinal);
}
