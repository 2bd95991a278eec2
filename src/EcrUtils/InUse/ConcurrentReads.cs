namespace EcrUtils.InUse;

/// <summary>
/// Runs independent reads at once rather than one after the other: the in-use check's calls (a task definition per
/// service, an image per Lambda function) would otherwise cost a round trip each before anything is planned. The run's
/// shared cap on requests in flight still bounds how many are on the wire.
/// </summary>
internal static class ConcurrentReads
{
    /// <summary>
    /// Reads every item at once and returns the results in the items' order. The first read that fails cancels the
    /// reads still running, and its exception is the one thrown.
    /// </summary>
    public static async Task<T[]> ReadAllAsync<TItem, T>(
        IReadOnlyList<TItem> items,
        Func<TItem, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(read);
        if (items.Count == 0)
        {
            return [];
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reads = new Task<T>[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            reads[i] = StopOthersOnFailureAsync(token => read(item, token), stop);
        }

        // A read cancelled because another failed ends cancelled, not faulted: the failure is what this throws.
        return await Task.WhenAll(reads).ConfigureAwait(false);
    }

    /// <summary>Two different reads at once, like <see cref="ReadAllAsync"/>.</summary>
    public static async Task<(T1 First, T2 Second)> ReadBothAsync<T1, T2>(
        Func<CancellationToken, Task<T1>> first,
        Func<CancellationToken, Task<T2>> second,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var firstRead = StopOthersOnFailureAsync(first, stop);
        var secondRead = StopOthersOnFailureAsync(second, stop);
        await Task.WhenAll(firstRead, secondRead).ConfigureAwait(false);
        return (await firstRead.ConfigureAwait(false), await secondRead.ConfigureAwait(false));
    }

    private static async Task<T> StopOthersOnFailureAsync<T>(Func<CancellationToken, Task<T>> read, CancellationTokenSource stop)
    {
        try
        {
            return await read(stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
