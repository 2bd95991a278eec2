using Build.Hosting;
using Build.Runs;

namespace Build.Tasks;

[TaskName(nameof(RestoreImages))]
[TaskDescription("Restores archived images of --environment: those holding --image-tag, or --all-archived (--wait waits until they can be pulled).")]
public sealed class RestoreImages(RestoreRun run) : AsyncFrostingTask<EcrContext>
{
    public override Task RunAsync(EcrContext context) => run.ExecuteAsync(context);
}
