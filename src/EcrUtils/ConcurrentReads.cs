namespace EcrUtils;

/// <summary>
/// Runs independent reads at once rather than one after the other: a round trip each, in a row, is what made the
/// in-use check (a task definition per service, an image per Lambda function), the repository tag filter (the tags of
/// each repository) and the reading of many index manifests (100 a call) slow. The run's shared cap on requests in
/// flight still bounds how many are on the wire.
/// </summary>
/// <remarks>
/// A read that fails cancels the reads after it in order, never those before it, so that what is reported is always
/// the failure of the first read in order that fails (ECS before Lambda, the first repository before the next): the
/// same failure that reading one after the other would report, whichever answer comes first.
/// </remarks>
internal static class ConcurrentReads
{
    /// <summary>Reads every item at once and returns the results in the items' order.</summary>
    public static async Task<T[]> ReadAllAsync<TItem, T>(
        IReadOnlyList<TItem> items,
        Func<TItem, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(read);
        var stops = new CancellationTokenSource[items.Count];
        try
        {
            for (var i = 0; i < stops.Length; i++)
            {
                stops[i] = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            }

            var reads = new Task<T>[items.Count];
            for (var i = 0; i < reads.Length; i++)
            {
                var item = items[i];
                reads[i] = ReadInOrderAsync(token => read(item, token), stops, i);
            }

            await ((Task)Task.WhenAll(reads)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var results = new T[reads.Length];
            for (var i = 0; i < reads.Length; i++)
            {
                // In order: the first failed read throws (the reads after it were cancelled because of it).
                results[i] = await reads[i].ConfigureAwait(false);
            }

            return results;
        }
        finally
        {
            foreach (var stop in stops)
            {
                stop?.Dispose();
            }
        }
    }

    /// <summary>Two different reads at once, like <see cref="ReadAllAsync"/>: a failure of the first cancels the second.</summary>
    public static async Task<(T1 First, T2 Second)> ReadBothAsync<T1, T2>(
        Func<CancellationToken, Task<T1>> first,
        Func<CancellationToken, Task<T2>> second,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        using var firstStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var secondStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CancellationTokenSource[] stops = [firstStop, secondStop];
        var firstRead = ReadInOrderAsync(first, stops, 0);
        var secondRead = ReadInOrderAsync(second, stops, 1);
        await ((Task)Task.WhenAll(firstRead, secondRead)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return (await firstRead.ConfigureAwait(false), await secondRead.ConfigureAwait(false));
    }

    private static async Task<T> ReadInOrderAsync<T>(Func<CancellationToken, Task<T>> read, CancellationTokenSource[] stops, int position)
    {
        try
        {
            return await read(stops[position].Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            for (var later = position + 1; later < stops.Length; later++)
            {
                await stops[later].CancelAsync().ConfigureAwait(false);
            }

            throw;
        }
    }
}
