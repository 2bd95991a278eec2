namespace EcrUtils.Options;

/// <summary>The arguments are wrong; the message names the argument, says what is valid, and is meant for the user verbatim.</summary>
public sealed class OptionsException : Exception
{
    /// <summary>Creates the exception without a message.</summary>
    public OptionsException()
    {
    }

    /// <summary>Creates the exception with the message for the user.</summary>
    public OptionsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message for the user and the error behind it.</summary>
    public OptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
