using Build;
using Build.Hosting;

return new CakeHost()
    .UseContext<EcrContext>()
    .Run(args);
