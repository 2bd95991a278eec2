namespace EcrUtils.IntegrationTests;

/// <summary>Compares images by value, tags and archival state included (records compare lists by reference).</summary>
public sealed class ImageStateComparer : IEqualityComparer<ImageState>
{
    public static ImageStateComparer Instance { get; } = new();

    public bool Equals(ImageState? x, ImageState? y) =>
        x is null || y is null
            ? ReferenceEquals(x, y)
            : x.Digest == y.Digest
                && x.PushedAt == y.PushedAt
                && x.MediaType == y.MediaType
                && x.SizeInBytes == y.SizeInBytes
                && x.Status == y.Status
                && x.LastRecordedPullTime == y.LastRecordedPullTime
                && x.LastArchivedAt == y.LastArchivedAt
                && x.LastActivatedAt == y.LastActivatedAt
                && x.Tags.SequenceEqual(y.Tags, StringComparer.Ordinal);

    public int GetHashCode(ImageState obj) => obj?.Digest.GetHashCode(StringComparison.Ordinal) ?? 0;
}
