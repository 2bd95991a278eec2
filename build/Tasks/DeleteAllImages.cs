using Build.Hosting;
using Build.Runs;
using EcrUtils.Options;

namespace Build.Tasks;

[TaskName(nameof(DeleteAllImages))]
[TaskDescription("Removes --environment from all its images (needs --confirm=<environment> unless --preview), when the environment is torn down.")]
public sealed class DeleteAllImages(DeletionRun run) : AsyncFrostingTask<EcrContext>
{
    public override Task RunAsync(EcrContext context) => run.ExecuteAsync(context, EcrTask.DeleteAllImages);
}
