using Build.Hosting;
using Cake.Common.Build;
using Cake.Core;
using EcrUtils;
using EcrUtils.Options;
using Spectre.Console;

namespace Build;

/// <summary>The build's context: every argument parsed once, here, into validated options.</summary>
public sealed class EcrContext : FrostingContext
{
    public EcrContext(ICakeContext context, IAnsiConsole console, ShutdownSignal shutdown)
        : base(context)
    {
        ArgumentNullException.ThrowIfNull(shutdown);
        Console = console;
        CancellationToken = shutdown.Token;
        Stop = shutdown.Stop;
        var arguments = context.Arguments.GetArguments()
            .ToDictionary(a => a.Key, a => (IReadOnlyList<string>)[.. a.Value], StringComparer.OrdinalIgnoreCase);
        try
        {
            Options = EcrOptionsParser.Parse(arguments);
        }
        catch (OptionsException ex)
        {
            throw new CakeException(ExitCodes.UsageError, ex.Message);
        }

        IsGitHubActions = this.GitHubActions().IsRunningOnGitHubActions;
    }

    public EcrOptions Options { get; }

    public IAnsiConsole Console { get; }

    /// <summary>Cancelled by the first Ctrl+C or SIGTERM: what only reads ends at once.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The two steps of a stop, for what changes the registry (see <see cref="ShutdownSignal"/>).</summary>
    public RunStop Stop { get; }

    public bool IsGitHubActions { get; }

    /// <summary>The options, checked against what <paramref name="task"/> needs.</summary>
    public EcrOptions OptionsFor(EcrTask task)
    {
        try
        {
            Options.Validate(task);
            return Options;
        }
        catch (OptionsException ex)
        {
            throw new CakeException(ExitCodes.UsageError, ex.Message);
        }
    }
}
