namespace EcrUtils.Ecr;

/// <summary>
/// Identifies an image by tag or by digest, never both: AWS documents "either", and some implementations delete
/// the whole image when both are given.
/// </summary>
public sealed record ImageId
{
    private ImageId(string? tag, string? digest)
    {
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The tag, when the image is identified by tag.</summary>
    public string? Tag { get; }

    /// <summary>The digest, when the image is identified by digest.</summary>
    public string? Digest { get; }

    /// <summary>Identifies an image by one of its tags.</summary>
    public static ImageId ForTag(string tag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        return new ImageId(tag, null);
    }

    /// <summary>Identifies an image by its manifest digest.</summary>
    public static ImageId ForDigest(string digest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(digest);
        return new ImageId(null, digest);
    }

    /// <inheritdoc />
    public override string ToString() => Tag is not null ? $"tag {Tag}" : $"digest {Digest}";
}
