namespace EcrUtils;

/// <summary>The process exit codes EcrUtils documents.</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>An unexpected error stopped the run.</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments or configuration: nothing was changed.</summary>
    public const int UsageError = 2;

    /// <summary>Some images or repositories failed; the others completed.</summary>
    public const int PartialFailure = 3;

    /// <summary>
    /// GetLatestImages found no image of the environment (nor of the fallback) in some repository; RestoreImages found
    /// no image holding a tag given with --image-tag.
    /// </summary>
    public const int MissingImages = 4;

    /// <summary>The in-use check (ECS and Lambda) could not run, e.g. a permission is missing: nothing was deleted.</summary>
    public const int InUseCheckFailed = 5;

    /// <summary>RestoreImages --wait: some image was not active yet when --wait-timeout passed (it goes on restoring).</summary>
    public const int RestoreTimedOut = 6;

    /// <summary>The run was cancelled (Ctrl+C or SIGTERM); the report says what was done before.</summary>
    public const int Cancelled = 130;
}
