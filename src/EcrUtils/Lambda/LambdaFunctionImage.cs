namespace EcrUtils.Lambda;

/// <summary>The container image of a function version.</summary>
/// <param name="ImageUri">The image as the function was deployed with it (by tag or digest).</param>
/// <param name="ResolvedImageUri">The image pinned by digest, when Lambda reports it.</param>
internal sealed record LambdaFunctionImage(string? ImageUri, string? ResolvedImageUri);
