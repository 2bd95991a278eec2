namespace EcrUtils.Operations;

/// <summary>What ListEnvironments found.</summary>
/// <param name="Environments">Every environment of the scope (that --environment-pattern lets through), by name.</param>
/// <param name="ImagesWithoutEnvironment">Images that belong to no environment: untagged, companions, other tags.</param>
public sealed record EnvironmentListing(IReadOnlyList<EnvironmentSummary> Environments, int ImagesWithoutEnvironment);
