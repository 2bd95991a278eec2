using Build.Hosting;
using Cake.Common.Build;
using Cake.Core;
using EcrUtils;
using EcrUtils.Aws;
using EcrUtils.Ecr;
using EcrUtils.Options;
using EcrUtils.Reporting;
using EcrUtils.Resilience;
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

    public IEcrClient CreateEcrClient()
    {
        try
        {
            return EcrClientFactory.Create(new EcrClientOptions
            {
                Region = Options.Region,
                Pipeline = EcrResilience.Create(new EcrRetrySettings(), TimeProvider),
                TimeProvider = TimeProvider,
            });
        }
        catch (AwsConfigurationException ex)
        {
            throw new CakeException(ExitCodes.UsageError, ex.Message);
        }
    }

    public ReportWriter CreateReport(EcrTask task)
    {
        var path = Options.ReportPath ?? Path.Combine("artifacts", $"{task}-{Options.Environment}.json");
        return new ReportWriter(Path.Combine(Environment.WorkingDirectory.FullPath, path), task, Options, TimeProvider);
    }
}
