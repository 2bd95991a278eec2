using Cake.Cli;
using Cake.Cli.Infrastructure;
using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Scripting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace Build.Hosting;

/// <summary>Runs the targets with the script host that Cake's standard switches ask for.</summary>
internal sealed class HostCommand<TContext>(IServiceCollection services) : AsyncCommand<HostSettings>
    where TContext : class, ICakeContext
{
    public override async Task<int> ExecuteAsync(CommandContext context, HostSettings settings, CancellationToken cancellationToken)
    {
        services.AddSingleton<ICakeArguments>(context.Remaining.ToCakeArguments(settings.Targets));
        using var provider = services.BuildServiceProvider();
        var log = provider.GetRequiredService<ICakeLog>();
        log.Verbosity = settings.Verbosity;
        try
        {
            SetWorkingDirectory(provider, settings);
            log.Verbosity = provider.GetRequiredService<ICakeConfiguration>().GetVerbosity(settings.Verbosity);

            var engine = provider.GetRequiredService<ICakeEngine>();
            var buildContext = provider.GetRequiredService<TContext>();
            foreach (var task in provider.GetServices<IFrostingTask>())
            {
                TaskRegistration.Register(engine, task, buildContext);
            }

            TaskRegistration.CheckTargets(engine, settings.Targets);

            var host = SelectHost(provider, settings);
            if (settings.Exclusive)
            {
                host.Settings.UseExclusiveTarget();
            }

            await host.RunTargetsAsync(settings.Targets).ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex)
        {
            // Cake wraps a failing task's exception in a report exception; the inner one carries the
            // exit code and the message the user needs.
            var inner = ex is CakeReportException { InnerException: { } cause } ? cause : ex;
            if (log.Verbosity < Verbosity.Diagnostic && PlainTextConsole.IsPlain)
            {
                // Cake's log colours its errors whatever the output is: a script or a log file reading stderr gets the
                // message alone, whole. (Diagnostic verbosity keeps Cake's account, with the stack trace.)
                Console.Error.WriteLine($"Error: {inner.Message}");
                return inner is CakeException { ExitCode: var code } ? code : 1;
            }

            return log.LogException(inner);
        }
    }

    private static IScriptHost SelectHost(IServiceProvider provider, HostSettings settings) => settings switch
    {
        { DryRun: true } => provider.GetRequiredService<DryRunScriptHost<TContext>>(),
        { Tree: true } => provider.GetRequiredService<TreeScriptHost>(),
        { Description: true } => provider.GetRequiredService<DescriptionScriptHost>(),
        _ => provider.GetRequiredService<BuildScriptHost<TContext>>(),
    };

    private static void SetWorkingDirectory(IServiceProvider provider, HostSettings settings)
    {
        var fileSystem = provider.GetRequiredService<IFileSystem>();
        var environment = provider.GetRequiredService<ICakeEnvironment>();
        var directory = settings.WorkingDirectory?.MakeAbsolute(environment) ?? environment.WorkingDirectory;
        if (!fileSystem.Exist(directory))
        {
            throw new CakeException(2, $"The working directory '{directory.FullPath}' does not exist: pass an existing folder to --working.");
        }

        environment.WorkingDirectory = directory;
    }
}
