namespace EcrUtils;

/// <summary>An operation could not start or go on; <see cref="ExitCode"/> is the documented exit code to end with.</summary>
public sealed class OperationFailedException : Exception
{
    /// <summary>Creates the exception with the exit code and a message that says what to do next.</summary>
    public OperationFailedException(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>The exit code the run should end with.</summary>
    public int ExitCode { get; }
}
