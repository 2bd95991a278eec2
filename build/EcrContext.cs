using Build.Hosting;
using EcrUtils.Sandbox;
using Cake.Common.Build;
using Cake.Core;
using Cake.Core.Diagnostics;
using EcrUtils;
using EcrUtils.Aws;
using EcrUtils.Ecr;
using EcrUtils.InUse;
using EcrUtils.Options;
using EcrUtils.Reporting;
using EcrUtils.Resilience;
using Spectre.Console;

namespace Build;

/// <summary>The build's context: every argument parsed once, here, into validated options.</summary>
public sealed class EcrContext : FrostingContext
{
    private AwsConnection? _aws;

    public EcrContext(ICakeContext context, IAnsiConsole console, ShutdownSignal shutdown)
        : base(context)
    {
        ArgumentNullException.ThrowIfNull(shutdown);
        Console = console;
        CancellationToken = shutdown.Token;
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

    public CancellationToken CancellationToken { get; }

    public TimeProvider TimeProvider { get; } = TimeProvider.System;

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

    /// <summary>The run's sandbox registry (<c>--sandbox</c>) once started; null otherwise.</summary>
    internal SandboxSession? Sandbox { get; private set; }

    /// <summary>
    /// With <c>--sandbox</c>, starts the sandbox registry, which every client created afterwards calls; the caller
    /// disposes it, which stops it. Without, does nothing and returns null.
    /// </summary>
    internal async Task<SandboxSession?> StartSandboxAsync(EcrTask task)
    {
        if (!Options.Sandbox)
        {
            return null;
        }

        if (_aws is not null)
        {
            throw new InvalidOperationException("The sandbox must start before the first AWS client is created.");
        }

        Sandbox = await SandboxSession.StartAsync(Console, task, Options.Region, System.Environment.GetEnvironmentVariable, TimeProvider, CancellationToken).ConfigureAwait(false);
        return Sandbox;
    }

    public IEcrClient CreateEcrClient() => WithAws(aws => aws.CreateEcrClient());

    /// <summary>The in-use check's collector, sharing the ECR client's credentials and pipeline; null when the check is off.</summary>
    public IInUseCollector? CreateInUseCollector() =>
        Options.InUseCheck ? WithAws(aws => aws.CreateInUseCollector(Options.EcsClusters)) : null;

    // One connection for the run: ECR, ECS and Lambda share the credentials (looked up once) and the one pipeline.
    private T WithAws<T>(Func<AwsConnection, T> create)
    {
        try
        {
            _aws ??= AwsConnection.Create(ConnectionOptions());
            return create(_aws);
        }
        catch (AwsConfigurationException ex)
        {
            throw new CakeException(ExitCodes.UsageError, ex.Message);
        }
    }

    private EcrClientOptions ConnectionOptions()
    {
        var options = new EcrClientOptions
        {
            Region = Options.Region,
            // The one pipeline of the run: its rate limit and its cap on requests in flight hold for every client.
            Pipeline = EcrResilience.Create(RetrySettings(), TimeProvider, message => Log.Verbose("{0}", message)),
            TimeProvider = TimeProvider,
        };
        // In the sandbox, the endpoint, region and credentials are the sandbox's, whatever the environment says.
        return Sandbox?.Redirect(options) ?? options;
    }

    private EcrRetrySettings RetrySettings() => new()
    {
        MaxRetryAttempts = Options.MaxRetries,
        AttemptTimeout = Options.RequestTimeout,
        MaxConcurrentRequests = Options.MaxParallel,
    };

    public ReportWriter CreateReport(EcrTask task)
    {
        // A sandbox run's report stays apart from the reports of real runs.
        var folder = Options.Sandbox ? Path.Combine("artifacts", "sandbox") : "artifacts";
        var path = Options.ReportPath ?? Path.Combine(folder, $"{task}-{Options.Environment}.json");
        return new ReportWriter(Path.Combine(Environment.WorkingDirectory.FullPath, path), task, Options, TimeProvider);
    }
}
