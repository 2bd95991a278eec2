using Cake.Core;

namespace Build.Hosting;

/// <summary>A task the host registers with Cake's engine.</summary>
public interface IFrostingTask
{
    Task RunAsync(ICakeContext context);

    bool ShouldRun(ICakeContext context);

    void OnError(Exception exception, ICakeContext context);

    void Finally(ICakeContext context);
}
