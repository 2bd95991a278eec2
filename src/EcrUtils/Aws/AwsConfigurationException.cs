namespace EcrUtils.Aws;

/// <summary>
/// The AWS settings (region, endpoint or credentials) are missing or invalid. The message names the setting and how to
/// fix it; it is a usage error, not a failure of AWS.
/// </summary>
public sealed class AwsConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AwsConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message that says what to fix.</summary>
    public AwsConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message that says what to fix, and the error behind it.</summary>
    public AwsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
