using Build.Hosting;
using Build.Runs;

namespace Build.Tasks;

[TaskName(nameof(GetLatestImages))]
[TaskDescription("Finds the newest image of --environment in each repository, as a digest-pinned reference for deploys.")]
public sealed class GetLatestImages(LatestImagesRun run) : AsyncFrostingTask<EcrContext>
{
    public override Task RunAsync(EcrContext context) => run.ExecuteAsync(context);
}
