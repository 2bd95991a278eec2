namespace EcrUtils.Images;

/// <summary>Checks environment names: an environment name is the prefix of its images' tags.</summary>
public static class EnvironmentName
{
    /// <summary>
    /// The longest valid name: ECR tags hold at most 128 characters, and a tag needs at least a separator and one
    /// more character after the name (<c>automation-master-1</c>).
    /// </summary>
    public const int MaxLength = 126;

    private const string Rule =
        "use 1 to 126 of the characters A-Z, a-z, 0-9, '_', '.' and '-', starting with a letter, a digit or '_'";

    /// <summary>Checks that <paramref name="name"/> can serve as an environment name.</summary>
    /// <param name="name">The name to check.</param>
    /// <returns><see langword="null"/> when the name is valid, else a message that says what is valid.</returns>
    public static string? Validate(string? name) => Validate(name, "An environment name");

    /// <summary>Checks a name; <paramref name="subject"/> starts the message, e.g. <c>--environment</c>.</summary>
    internal static string? Validate(string? name, string subject)
    {
        if (string.IsNullOrEmpty(name))
        {
            return $"{subject} must not be empty: {Rule}.";
        }

        if (name.Length > MaxLength)
        {
            return $"{subject} is {name.Length} characters long: {Rule}, so that its tags fit ECR's 128-character limit.";
        }

        if (!IsFirstCharacter(name[0]) || !name.All(IsCharacter))
        {
            return $"{subject} '{name}' is not valid: {Rule}.";
        }

        return null;
    }

    private static bool IsFirstCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsCharacter(char c) => IsFirstCharacter(c) || c is '.' or '-';
}
