namespace EcrUtils.Options;

/// <summary>What <c>--sandbox</c> accepts: the demo registry lives in one fixed account, in any region.</summary>
internal static class SandboxRules
{
    public static string? Error(EcrOptions options) =>
        options.Sandbox && options.RegistryId is not null
            ? $"--{ArgumentNames.RegistryId} does not apply to --{ArgumentNames.Sandbox}: the sandbox has one registry, "
              + $"seeded with demo images. Remove --{ArgumentNames.RegistryId}, or remove --{ArgumentNames.Sandbox} to work on a real registry."
            : null;

    /// <summary>Said where DeleteAllImages asks for confirmation, so that nobody takes the sandbox for a shortcut past it.</summary>
    public static string ConfirmNote(EcrOptions options) =>
        options.Sandbox ? " The sandbox asks for it too, as a real registry would." : string.Empty;
}
