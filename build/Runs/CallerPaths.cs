using Cake.Core;

namespace Build.Runs;

/// <summary>
/// Paths given on the command line (<c>--report</c>, <c>--in-use-file</c>) mean what they mean in the folder the command
/// was run from, not in the checkout that build.sh changes to.
/// </summary>
public sealed class CallerPaths(ICakeEnvironment environment)
{
    /// <summary>Set by build.sh and build.ps1 to the folder they were run from, before they change to the checkout.</summary>
    public const string CallerDirectoryVariable = "ECRUTILS_CALLER_DIRECTORY";

    /// <summary>The checkout, where the host runs.</summary>
    public string Checkout => environment.WorkingDirectory.FullPath;

    /// <summary>The full path of <paramref name="given"/>, a relative one taken from the folder the command was run from.</summary>
    public string Resolve(string given) =>
        Path.GetFullPath(given, environment.GetEnvironmentVariable(CallerDirectoryVariable) is { Length: > 0 } caller ? caller : Checkout);
}
