using EcrUtils.Aws;
using EcrUtils.Ecr;
using EcrUtils.Resilience;

namespace EcrUtils.Operations;

/// <summary>
/// Sends one repository's BatchDeleteImage calls (100 image ids each) up to <c>maxParallel</c> at a time, within the
/// run's shared cap on requests in flight: one after the other, 20,000 tags cost 200 round trips in a row.
/// </summary>
/// <remarks>
/// Each batch's outcome is recorded (<c>onBatchCompleted</c>, with the ids sent; run one at a time) as soon as its call
/// returns, before its place goes to another batch. After a failure, or once the run is stopping, no further batch is
/// sent, but the batches in flight finish and are recorded rather than cancelled (<see cref="BoundedCalls"/>). A call
/// that ends without an answer that says what it did (aborted, timed out, cut off, a server error or throttling after
/// every retry) is recorded with a null answer: its ids are unconfirmed, never counted as removed nor left as if never
/// sent. A call that ECR refused (a client error) or that was never sent records nothing.
/// </remarks>
internal static class ConcurrentBatches
{
    public static Task DeleteAsync(
        IEcrClient client,
        string? registryId,
        string repositoryName,
        IReadOnlyList<ImageId> imageIds,
        int maxParallel,
        Action<IReadOnlyList<ImageId>, BatchDeleteResult?> onBatchCompleted,
        RunStop stop)
    {
        var gate = new Lock();
        return BoundedCalls.RunAsync(imageIds.Chunk(EcrClient.MaxBatchSize), maxParallel, stop, async chunk =>
        {
            try
            {
                await client.BatchDeleteImageAsync(
                    registryId,
                    repositoryName,
                    chunk,
                    (batch, _) =>
                    {
                        Record(chunk, batch);
                        return ValueTask.CompletedTask;
                    },
                    stop.Aborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (!IsWithoutEffect(ex))
            {
                Record(chunk, null);
                throw;
            }
        });

        void Record(IReadOnlyList<ImageId> sent, BatchDeleteResult? answer)
        {
            lock (gate)
            {
                onBatchCompleted(sent, answer);
            }
        }
    }

    // Never sent, or refused by ECR (a client error that no retry changes, access denied included): the call deleted
    // nothing. An answer that could not be read is not a refusal.
    private static bool IsWithoutEffect(Exception exception) =>
        exception is RequestNotSentException or AwsServiceException { IsAccessDenied: true } || BoundedCalls.IsRefusal(exception);
}
