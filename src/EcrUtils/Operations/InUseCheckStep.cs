using EcrUtils.Ecr;
using EcrUtils.InUse;
using EcrUtils.Options;

namespace EcrUtils.Operations;

/// <summary>
/// Runs the in-use check of a deletion run, once, before any repository is planned, and records how it went; adds the
/// images that the in-use file lists, which protect with the check off too.
/// </summary>
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

    /// <summary>
    /// Sorts the in-use file's lines for the registry of the run's repositories (they share one) and records what it
    /// brings; returns its uses, none without a file.
    /// </summary>
    public static IReadOnlyList<ImageUse> ReadFile(InUseFile? file, IReadOnlyList<EcrRepository> repositories, IDeletionRecorder recorder)
    {
        if (file is null)
        {
            return [];
        }

        (string? AccountId, string? Region) registry = repositories.Count > 0 ? InUseMatcher.Registry(repositories[0]) : (null, null);
        var outcome = file.For(registry.AccountId, registry.Region);
        recorder.InUseFileRead(outcome);
        return outcome.Uses;
    }

    /// <summary>What the check found, with the in-use file's uses; null when the check is off and the file lists nothing.</summary>
    public static InUseImages? WithListed(InUseImages? found, IReadOnlyList<ImageUse> listed) =>
        listed.Count == 0 ? found : (found ?? InUseImages.None) with { Uses = [.. found?.Uses ?? [], .. listed] };
}
