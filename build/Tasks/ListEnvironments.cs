using Build.Hosting;
using Build.Runs;

namespace Build.Tasks;

[TaskName(nameof(ListEnvironments))]
[TaskDescription("Lists the environments the repositories hold: size, last push and pull, in use, stale (--stale-after), what tearing each down would reclaim. Changes nothing.")]
public sealed class ListEnvironments(EnvironmentsRun run) : AsyncFrostingTask<EcrContext>
{
    public override Task RunAsync(EcrContext context) => run.ExecuteAsync(context);
}
