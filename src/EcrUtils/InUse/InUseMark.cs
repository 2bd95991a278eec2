namespace EcrUtils.InUse;

/// <summary>Why an image must stay: who uses it, and how (directly, as a child of an index in use, or as the index of a child in use).</summary>
internal sealed record InUseMark(IReadOnlyList<string> UsedBy, string Reason);
