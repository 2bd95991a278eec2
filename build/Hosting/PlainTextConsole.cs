using Cake.Core;

namespace Build.Hosting;

/// <summary>
/// Cake's console for its own log lines (e.g. "An error occurred when executing task …"), without colour where
/// colour only gets in the way: when the output is not a terminal (a CI log, a file, a pipe to a script) or when
/// <c>NO_COLOR</c> is set. In a terminal it is Cake's console as it is.
/// </summary>
internal sealed class PlainTextConsole(IConsole inner, bool plain) : IConsole
{
    public ConsoleColor ForegroundColor
    {
        get => inner.ForegroundColor;
        set
        {
            if (!plain)
            {
                inner.ForegroundColor = value;
            }
        }
    }

    public ConsoleColor BackgroundColor
    {
        get => inner.BackgroundColor;
        set
        {
            if (!plain)
            {
                inner.BackgroundColor = value;
            }
        }
    }

    public bool SupportAnsiEscapeCodes => !plain && inner.SupportAnsiEscapeCodes;

    /// <summary>Whether output should be plain text on this process's console.</summary>
    public static bool IsPlain =>
        Console.IsOutputRedirected || Console.IsErrorRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public void Write(string format, params object[] arg) => inner.Write(format, arg);

    public void Write(string value) => inner.Write(value);

    public void WriteLine(string format, params object[] arg) => inner.WriteLine(format, arg);

    public void WriteLine(string value) => inner.WriteLine(value);

    public void WriteError(string format, params object[] arg) => inner.WriteError(format, arg);

    public void WriteError(string value) => inner.WriteError(value);

    public void WriteErrorLine(string format, params object[] arg) => inner.WriteErrorLine(format, arg);

    public void WriteErrorLine(string value) => inner.WriteErrorLine(value);

    public void ResetColor()
    {
        if (!plain)
        {
            inner.ResetColor();
        }
    }
}
