using Build;
using Build.Hosting;
using Build.Output;
using Build.Runs;
using Cake.Core;
using Cake.Core.Diagnostics;
using EcrUtils;
using EcrUtils.Aws;
using EcrUtils.Connections;
using EcrUtils.Ecr;
using EcrUtils.Resilience;
using EcrUtils.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Polly;

using var shutdown = new ShutdownSignal();
return new CakeHost()
    .UseContext<EcrContext>()
    .UseHelpFooter(CommandLineHelp.Render)
    .ConfigureServices(services => services
        .AddSingleton(shutdown)
        .AddSingleton(TimeProvider.System)
        .AddSingleton(CreatePipeline)
        .AddSingleton<SandboxStarter>()
        // Tasks are created before any runs, and a sandbox must start before the connection: it is made on first use.
        .AddSingleton(Connect)
        .AddSingleton(provider => new Lazy<IEcrClient>(() => Configured(provider.GetRequiredService<AwsConnection>().CreateEcrClient)))
        .AddSingleton<InUseCollectorFactory>(provider => options => options.InUseCheck
            ? Configured(() => provider.GetRequiredService<AwsConnection>().CreateInUseCollector(options.EcsClusters))
            : null)
        .AddSingleton<CallerPaths>()
        .AddSingleton<ReportFactory>()
        .AddSingleton<RunSessions>()
        .AddSingleton<InUseFileReader>()
        .AddSingleton<EnvironmentsRun>()
        .AddSingleton<DeletionRun>()
        .AddSingleton<LatestImagesRun>()
        .AddSingleton<RestoreRun>())
    .Run(args);

// The one pipeline of the run: its rate limit and its cap on requests in flight hold for every client.
static ResiliencePipeline CreatePipeline(IServiceProvider provider)
{
    var options = provider.GetRequiredService<EcrContext>().Options;
    var log = provider.GetRequiredService<ICakeLog>();
    var settings = new EcrRetrySettings
    {
        MaxRetryAttempts = options.MaxRetries,
        AttemptTimeout = options.RequestTimeout,
        MaxConcurrentRequests = options.MaxParallel,
    };
    return EcrResilience.Create(
        settings,
        provider.GetRequiredService<TimeProvider>(),
        message => log.Verbose("{0}", message),
        provider.GetRequiredService<ShutdownSignal>().Token);
}

// One connection for the run: ECR, ECS and Lambda share the credentials (looked up once) and the one pipeline.
static AwsConnection Connect(IServiceProvider provider)
{
    var options = new AwsConnectionOptions
    {
        Region = provider.GetRequiredService<EcrContext>().Options.Region,
        Pipeline = provider.GetRequiredService<ResiliencePipeline>(),
        TimeProvider = provider.GetRequiredService<TimeProvider>(),
    };
    // In the sandbox, the endpoint, region and credentials are the sandbox's, whatever the environment says.
    return Configured(() => AwsConnection.Create(provider.GetRequiredService<SandboxStarter>().Redirect(options)));
}

// A missing region or a malformed endpoint is the user's to fix: a usage error that says how.
static T Configured<T>(Func<T> create)
{
    try
    {
        return create();
    }
    catch (AwsConfigurationException ex)
    {
        throw new CakeException(ExitCodes.UsageError, ex.Message);
    }
}
