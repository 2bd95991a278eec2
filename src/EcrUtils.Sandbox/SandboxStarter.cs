using Cake.Core;
using EcrUtils.Connections;
using EcrUtils.Options;
using Spectre.Console;

namespace EcrUtils.Sandbox;

/// <summary>
/// Starts a run's sandbox (<c>--sandbox</c>) and points the run's AWS connection at it. The sandbox starts first: a
/// connection made before it would call AWS itself.
/// </summary>
/// <param name="console">Where the sandbox shows its registry.</param>
/// <param name="timeProvider">The clock the demo images' push times count back from.</param>
public sealed class SandboxStarter(IAnsiConsole console, TimeProvider timeProvider)
{
    private SandboxSession? _session;
    private bool _redirected;

    /// <summary>
    /// With <c>--sandbox</c>, starts the sandbox registry, which the AWS connection made afterwards calls; the caller
    /// disposes it, which stops it. Without, does nothing and returns null.
    /// </summary>
    /// <param name="options">The run's options: whether to start the sandbox, and its region.</param>
    /// <param name="task">The task the run performs, named in what the sandbox shows.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="InvalidOperationException">The AWS connection was made already.</exception>
    /// <exception cref="CakeException">moto is missing (exit code 2) or did not start, or the run was cancelled meanwhile.</exception>
    public async Task<SandboxSession?> StartAsync(EcrOptions options, EcrTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Sandbox)
        {
            return null;
        }

        if (_redirected)
        {
            throw new InvalidOperationException("The sandbox must start before the first AWS client is created.");
        }

        _session = await SandboxSession.StartAsync(console, task, options.Region, Environment.GetEnvironmentVariable, timeProvider, cancellationToken).ConfigureAwait(false);
        return _session;
    }

    /// <summary>
    /// The connection settings, pointed at the sandbox with its dummy credentials once it has started, whatever the
    /// environment says; as they are when there is no sandbox.
    /// </summary>
    /// <param name="options">The settings the run would connect with.</param>
    public AwsConnectionOptions Redirect(AwsConnectionOptions options)
    {
        _redirected = true;
        return _session?.Redirect(options) ?? options;
    }
}
