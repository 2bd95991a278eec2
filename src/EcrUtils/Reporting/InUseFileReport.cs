namespace EcrUtils.Reporting;

/// <summary>What the in-use file brought to a run, in the report.</summary>
/// <param name="Path">The file, as given (<c>--in-use-file</c>).</param>
/// <param name="References">Lines that name images of the run's registry.</param>
/// <param name="IgnoredOtherRegistries">Lines that name images of other registries, ignored.</param>
/// <param name="FirstOtherRegistry">The registry that the first ignored line names; null when none was ignored.</param>
public sealed record InUseFileReport(string Path, int References, int IgnoredOtherRegistries, string? FirstOtherRegistry);
