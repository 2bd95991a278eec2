using Build;
using Build.Hosting;
using Microsoft.Extensions.DependencyInjection;

using var shutdown = new ShutdownSignal();
return new CakeHost()
    .UseContext<EcrContext>()
    .ConfigureServices(services => services.AddSingleton(shutdown))
    .Run(args);
