namespace EcrUtils.Reporting;

/// <summary>One image in the report, with the decision about it and its outcome.</summary>
public sealed class ImageReport
{
    /// <summary>The manifest digest.</summary>
    public required string Digest { get; init; }

    /// <summary>The image's tags when the plan was made.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>When the image was pushed.</summary>
    public DateTimeOffset PushedAt { get; init; }

    /// <summary>The image size.</summary>
    public long SizeInBytes { get; init; }

    /// <summary><c>keep</c> or <c>remove</c>.</summary>
    public required string Action { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>The environment tags to remove (empty when kept).</summary>
    public required IReadOnlyList<string> TagsToRemove { get; init; }

    /// <summary>Whether removing those tags deletes the image (no other tag is left).</summary>
    public bool DeletesImage { get; init; }

    /// <summary><c>kept</c>, <c>planned</c> (preview or not yet done), <c>removed</c>, <c>partly-removed</c> or <c>failed</c>.</summary>
    public string Outcome { get; init; } = "planned";

    /// <summary>The tags removed so far.</summary>
    public IReadOnlyList<string> RemovedTags { get; init; } = [];

    /// <summary>Child manifests (of an index) and companions (signatures, attestations, SBOMs) that go or stay with this image.</summary>
    public IReadOnlyList<RelatedImageReport> Related { get; init; } = [];

    /// <summary>Who uses the image (ECS <c>cluster/service</c>, Lambda <c>function:alias</c>); an image in use is kept.</summary>
    public IReadOnlyList<string> InUseBy { get; init; } = [];
}
