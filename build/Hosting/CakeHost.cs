using System.Reflection;
using Cake.Cli;
using Cake.Common.Modules;
using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Modules;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;

namespace Build.Hosting;

/// <summary>
/// A small host with Cake.Frosting's public shape, built on Cake's own engine, script hosts and command line.
/// </summary>
public sealed class CakeHost
{
    private readonly ServiceCollection _services = new();
    private Type? _contextType;
    private Func<IEnumerable<IRenderable>> _helpFooter = () => [];

    public CakeHost()
    {
        _services.AddCakeDiagnostics();
        _services.UseModule<CoreModule>();
        _services.UseModule<CommonModule>();
        _services.AddSingleton<ICakeConfiguration>(new CakeConfiguration(new Dictionary<string, string>()));
        _services.AddSingleton<IConsole>(provider => new PlainTextConsole(new CakeConsole(provider.GetRequiredService<ICakeEnvironment>()), PlainTextConsole.IsPlain));
        _services.AddSingleton<CakeSpectreReportPrinter>();
        _services.AddSingleton<ICakeReportPrinter, QuietReportPrinter>();
        _services.AddSingleton<TreeScriptHost>();
        _services.AddSingleton<DescriptionScriptHost>();
    }

    public CakeHost UseContext<TContext>()
        where TContext : class, ICakeContext
    {
        _contextType = typeof(TContext);
        _services.AddSingleton<TContext>();
        _services.AddSingleton<BuildScriptHost<TContext>>();
        _services.AddSingleton<DryRunScriptHost<TContext>>();
        return this;
    }

    /// <summary>What <c>--help</c> shows after Cake's own switches.</summary>
    public CakeHost UseHelpFooter(Func<IEnumerable<IRenderable>> footer)
    {
        ArgumentNullException.ThrowIfNull(footer);
        _helpFooter = footer;
        return this;
    }

    public CakeHost ConfigureServices(Action<IServiceCollection> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(_services);
        return this;
    }

    public int Run(IEnumerable<string> args)
    {
        var contextType = _contextType ?? throw new InvalidOperationException("Call UseContext<TContext>() before Run.");
        // Tasks come from the container, as in Cake.Frosting, so that they take services by constructor.
        foreach (var task in TaskRegistration.FindTasks(contextType.Assembly))
        {
            _services.AddSingleton(typeof(IFrostingTask), task);
        }

        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(IServiceCollection), _services);
        var commandType = typeof(HostCommand<>).MakeGenericType(contextType);
        var app = (ICommandApp)Activator.CreateInstance(typeof(CommandApp<>).MakeGenericType(commandType), registrar)!;
        app.Configure(config =>
        {
            config.SetApplicationName("build.sh");
            config.SetHelpProvider(new FooterHelpProvider(config.Settings, _helpFooter));
            config.SetApplicationVersion(typeof(CakeHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
            // A command line that cannot be parsed (--environment= with no value, -preview with one dash) is a usage
            // error like any other: exit code 2, after the parser's own account of what it could not read.
            config.SetExceptionHandler((exception, _) =>
            {
                if (exception is CommandAppException { Pretty: { } pretty })
                {
                    AnsiConsole.Write(pretty);
                }
                else
                {
                    Console.Error.WriteLine(exception.Message);
                }

                Console.Error.WriteLine("Arguments are written --name=value (two dashes); ./build.sh without a target lists the tasks and how to run them.");
                return 2;
            });
            // Arguments other than Cake's own switches go to the context, e.g. --environment=automation-master.
            config.Settings.ConvertFlagsToRemainingArguments = true;
        });
        return app.Run(args);
    }
}
