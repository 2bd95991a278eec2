using EcrUtils.InUse;
using EcrUtils.Options;

namespace EcrUtils.Operations;

/// <summary>Runs the in-use check of a deletion run, once, before any repository is planned, and records how it went.</summary>
internal static class InUseCheckStep
{
    /// <summary>The images in use, or null when the check is off.</summary>
    /// <exception cref="OperationFailedException">The check could not run: nothing may be deleted.</exception>
    public static async Task<InUseImages?> RunAsync(
        IInUseCollector? collector,
        EcrOptions options,
        IDeletionRecorder recorder,
        CancellationToken cancellationToken)
    {
        if (!options.InUseCheck)
        {
            recorder.InUseChecked(new InUseCheckOutcome(InUseCheckStatus.Off, null, $"--{ArgumentNames.InUseCheck}=off"));
            return null;
        }

        if (collector is null)
        {
            recorder.InUseChecked(new InUseCheckOutcome(InUseCheckStatus.Off, null, "no ECS or Lambda client was given to the operation"));
            return null;
        }

        try
        {
            var found = await collector.CollectAsync(cancellationToken).ConfigureAwait(false);
            recorder.InUseChecked(new InUseCheckOutcome(InUseCheckStatus.Done, found, null));
            return found;
        }
        catch (OperationFailedException ex)
        {
            recorder.InUseChecked(new InUseCheckOutcome(InUseCheckStatus.Failed, null, ex.Message));
            throw;
        }
    }
}
