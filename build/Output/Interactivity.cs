using Cake.Common.Build;

namespace Build.Output;

/// <summary>Whether a person watches the output live: a terminal, not a CI log or a file.</summary>
internal static class Interactivity
{
    public static bool IsInteractive(EcrContext context) =>
        !Console.IsOutputRedirected
        && context.Console.Profile.Capabilities.Interactive
        && context.Console.Profile.Capabilities.Ansi
        && context.BuildSystem().IsLocalBuild
        // Cake knows the big CI systems by name; most others set CI.
        && string.IsNullOrEmpty(context.Environment.GetEnvironmentVariable("CI"));
}
