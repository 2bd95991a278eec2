using System.Text.RegularExpressions;

namespace EcrUtils.Images;

/// <summary>Compiles and runs the regular expressions that users pass as arguments.</summary>
internal static class UserPattern
{
    /// <summary>
    /// Long enough that no sensible pattern ever hits it on a 128-character tag, even on a busy CI machine, and
    /// short enough to stop a catastrophically backtracking pattern quickly.
    /// </summary>
    public static readonly TimeSpan DefaultMatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Compiles <paramref name="pattern"/>; <paramref name="shownPattern"/> is what the user wrote, if different.</summary>
    /// <exception cref="ArgumentException">The pattern is empty or invalid; the message names the argument.</exception>
    public static Regex Compile(string pattern, string argumentName, TimeSpan matchTimeout, string? shownPattern = null)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new ArgumentException($"--{argumentName} must not be empty: pass a .NET regular expression.");
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, matchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException(
                $"--{argumentName} '{shownPattern ?? pattern}' is not a valid .NET regular expression ({ex.Message}). Fix the pattern and run again.",
                ex);
        }
    }

    /// <summary>
    /// Matches like <see cref="Regex.IsMatch(string)"/>, but a timeout becomes an error that names the argument:
    /// it must never pass for "no match", which could mean deleting an image.
    /// </summary>
    public static bool IsMatch(Regex regex, string input, string argumentName, string? shownPattern = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw TimedOut(regex, input, argumentName, shownPattern, ex);
        }
    }

    /// <summary>Matches like <see cref="Regex.Match(string)"/>, a timeout becoming an error that names the argument (see <see cref="IsMatch"/>).</summary>
    public static Match Match(Regex regex, string input, string argumentName, string? shownPattern = null)
    {
        ArgumentNullException.ThrowIfNull(regex);
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return regex.Match(input);
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw TimedOut(regex, input, argumentName, shownPattern, ex);
        }
    }

    private static RegexMatchTimeoutException TimedOut(Regex regex, string input, string argumentName, string? shownPattern, RegexMatchTimeoutException ex) => new(
        $"--{argumentName} '{shownPattern ?? regex.ToString()}' ran longer than {regex.MatchTimeout.TotalMilliseconds:0} ms on '{input}' and was stopped. " +
        "Simplify the pattern (avoid nested quantifiers such as (a+)+) and run again.",
        ex);
}
