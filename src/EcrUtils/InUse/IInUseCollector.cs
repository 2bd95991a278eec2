namespace EcrUtils.InUse;

/// <summary>Finds the images that ECS and Lambda use in the account and region, before anything is deleted.</summary>
public interface IInUseCollector
{
    /// <summary>Reads ECS and Lambda.</summary>
    /// <exception cref="OperationFailedException">
    /// The check could not run (e.g. a permission is missing, or throttling lasted past the retries); the message names
    /// what to fix. Nothing may be deleted then.
    /// </exception>
    Task<InUseImages> CollectAsync(CancellationToken cancellationToken);
}
