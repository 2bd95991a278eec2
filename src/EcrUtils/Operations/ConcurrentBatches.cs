using EcrUtils.Ecr;

namespace EcrUtils.Operations;

/// <summary>
/// Sends one repository's BatchDeleteImage calls (100 image ids each) up to <c>maxParallel</c> at a time, within the
/// run's shared cap on requests in flight: one after the other, 20,000 tags cost 200 round trips in a row.
/// </summary>
/// <remarks>
/// Each batch's outcome is recorded (<c>onBatchCompleted</c>, with the ids sent; run one at a time) as soon as its call returns, before its
/// place goes to another batch, so at most <c>maxParallel</c> batches are ever unrecorded; a rerun finds their tags gone
/// (ImageNotFound), which counts as done. After a failure no further batch is sent, but the batches in flight finish and
/// are recorded rather than cancelled, so that nothing that ECR did goes unreported.
/// </remarks>
internal static class ConcurrentBatches
{
    public static async Task DeleteAsync(
        IEcrClient client,
        string? registryId,
        string repositoryName,
        IReadOnlyList<ImageId> imageIds,
        int maxParallel,
        Action<IReadOnlyList<ImageId>, BatchDeleteResult> onBatchCompleted,
        CancellationToken cancellationToken)
    {
        var gate = new Lock();
        var failed = false;
        using var slots = new SemaphoreSlim(Math.Max(1, maxParallel));
        var running = new List<Task>();
        foreach (var chunk in imageIds.Chunk(EcrClient.MaxBatchSize))
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (Volatile.Read(ref failed))
            {
                slots.Release();
                break;
            }

            running.Add(SendAsync(chunk));
        }

        await Task.WhenAll(running).ConfigureAwait(false);

        async Task SendAsync(ImageId[] chunk)
        {
            try
            {
                await client.BatchDeleteImageAsync(
                    registryId,
                    repositoryName,
                    chunk,
                    (batch, _) =>
                    {
                        lock (gate)
                        {
                            onBatchCompleted(chunk, batch);
                        }

                        return ValueTask.CompletedTask;
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                Volatile.Write(ref failed, true);
                throw;
            }
            finally
            {
                slots.Release();
            }
        }
    }
}
