namespace EcrUtils.InUse;

/// <summary>What the in-use file brought to a run: its references to the run's registry, and the lines it ignored.</summary>
/// <param name="Path">The file, as given.</param>
/// <param name="Uses">One use per line that names an image of the run's registry, in the order of the lines.</param>
/// <param name="OtherRegistryLines">Lines that name images of other registries, ignored.</param>
/// <param name="FirstOtherRegistry">The registry that the first of those lines names; null when there is none.</param>
public sealed record InUseFileOutcome(string Path, IReadOnlyList<ImageUse> Uses, int OtherRegistryLines, string? FirstOtherRegistry);
