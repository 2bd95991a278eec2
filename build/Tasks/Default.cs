using Build.Hosting;
using Cake.Core.Diagnostics;

namespace Build.Tasks;

[TaskName(nameof(Default))]
[TaskDescription("Lists the tasks and how to run them.")]
public sealed class Default : FrostingTask<EcrContext>
{
    public override void Run(EcrContext context)
    {
        context.Log.Information("hello");
    }
}
