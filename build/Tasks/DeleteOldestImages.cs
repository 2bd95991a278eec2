using Build.Hosting;
using Build.Runs;
using EcrUtils.Options;

namespace Build.Tasks;

[TaskName(nameof(DeleteOldestImages))]
[TaskDescription("Removes --environment from its older images, keeping the --keep newest (default 2) and any floating or protected ones.")]
public sealed class DeleteOldestImages(DeletionRun run) : AsyncFrostingTask<EcrContext>
{
    public override Task RunAsync(EcrContext context) => run.ExecuteAsync(context, EcrTask.DeleteOldestImages);
}
