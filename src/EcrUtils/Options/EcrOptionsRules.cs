using EcrUtils.Images;

namespace EcrUtils.Options;

/// <summary>Which options each task needs and accepts.</summary>
internal static class EcrOptionsRules
{
    public static string? FirstError(EcrOptions options, EcrTask task) =>
        EnvironmentListArguments.Error(options, task)
        ?? (task == EcrTask.ListEnvironments ? null : EnvironmentError(options))
        ?? ScopeError(options)
        ?? KeepError(options, task)
        ?? ConfirmError(options, task)
        ?? FallbackError(options, task)
        ?? MaxParallelError(options)
        ?? InUseArguments.Error(options, task)
        ?? RetentionArguments.Error(options, task)
        ?? RestoreArguments.Error(options, task)
        ?? SandboxRules.Error(options);

    private static string? EnvironmentError(EcrOptions options) =>
        options.Environment is null
            ? $"--{ArgumentNames.Environment} is required: pass --{ArgumentNames.Environment}=<name>, e.g. --{ArgumentNames.Environment}=automation-master."
            : EnvironmentName.Validate(options.Environment, $"--{ArgumentNames.Environment}");

    private static string? ScopeError(EcrOptions options) =>
        (options.Repositories.Count > 0, options.AllRepositories) switch
        {
            (true, true) => $"--{ArgumentNames.Repository} and --{ArgumentNames.AllRepositories} exclude each other: pass one of them.",
            (false, false) => $"Say which repositories to work on: pass --{ArgumentNames.Repository}=<name> (repeatable, or comma-separated) or --{ArgumentNames.AllRepositories}.",
            _ => null,
        };

    private static string? KeepError(EcrOptions options, EcrTask task)
    {
        if (options.Keep < 1)
        {
            return $"--{ArgumentNames.Keep} must be a whole number of at least 1 (got '{options.Keep}').";
        }

        return task != EcrTask.DeleteOldestImages && options.GivenArguments.Contains(ArgumentNames.Keep)
            ? $"--{ArgumentNames.Keep} applies to {nameof(EcrTask.DeleteOldestImages)} only: remove it to run {task}."
            : null;
    }

    private static string? ConfirmError(EcrOptions options, EcrTask task)
    {
        if (task != EcrTask.DeleteAllImages)
        {
            return options.Confirm is null ? null : $"--{ArgumentNames.Confirm} applies to {nameof(EcrTask.DeleteAllImages)} only: remove it to run {task}.";
        }

        var environment = options.Environment;
        if (options.Confirm is null)
        {
            return options.Preview
                ? null
                : $"{nameof(EcrTask.DeleteAllImages)} removes every image of environment '{environment}' from the chosen repositories: " +
                  $"pass --{ArgumentNames.Confirm}={environment} to go ahead, or --{ArgumentNames.Preview} to see the plan without deleting anything."
                  + SandboxRules.ConfirmNote(options);
        }

        return string.Equals(options.Confirm, environment, StringComparison.Ordinal)
            ? null
            : $"--{ArgumentNames.Confirm}={options.Confirm} does not match --{ArgumentNames.Environment}={environment}: " +
              $"pass --{ArgumentNames.Confirm}={environment} to remove every image of environment '{environment}'.";
    }

    private static string? FallbackError(EcrOptions options, EcrTask task)
    {
        if (options.FallbackEnvironment is null)
        {
            return null;
        }

        return task != EcrTask.GetLatestImages
            ? $"--{ArgumentNames.FallbackEnvironment} applies to {nameof(EcrTask.GetLatestImages)} only: remove it to run {task}."
            : EnvironmentName.Validate(options.FallbackEnvironment, $"--{ArgumentNames.FallbackEnvironment}");
    }

    private static string? MaxParallelError(EcrOptions options) =>
        options.MaxParallel is < 1 or > EcrOptions.MaxMaxParallel
            ? $"--{ArgumentNames.MaxParallel} must be a whole number from 1 to {EcrOptions.MaxMaxParallel} (got '{options.MaxParallel}')."
            : null;
}
