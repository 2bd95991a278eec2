namespace EcrUtils.Options;

/// <summary>Checks ListEnvironments' arguments: <c>--stale-after</c> and <c>--environment-pattern</c>, and what it refuses.</summary>
internal static class EnvironmentListArguments
{
    /// <summary>ListEnvironments finds the environments itself and changes nothing; its arguments belong to it alone.</summary>
    public static string? Error(EcrOptions options, EcrTask task)
    {
        var given = options.GivenArguments;
        if (task != EcrTask.ListEnvironments)
        {
            return given.FirstOrDefault(name => name is ArgumentNames.StaleAfter or ArgumentNames.EnvironmentPattern) is { } name
                ? $"--{name} applies to {nameof(EcrTask.ListEnvironments)} only: remove it to run {task}."
                : null;
        }

        if (given.Contains(ArgumentNames.Environment))
        {
            return $"{nameof(EcrTask.ListEnvironments)} finds every environment of the repositories: remove --{ArgumentNames.Environment}, "
                + $"or pass --{ArgumentNames.EnvironmentPattern}=<regex> (e.g. --{ArgumentNames.EnvironmentPattern}='^automation-[0-9a-f]{{8}}$') to list some of them.";
        }

        return given.FirstOrDefault(name => name is ArgumentNames.Preview or ArgumentNames.Confirm or ArgumentNames.Keep) is { } changing
            ? $"--{changing} has no effect with {nameof(EcrTask.ListEnvironments)}, which changes nothing: remove it."
            : null;
    }
}
