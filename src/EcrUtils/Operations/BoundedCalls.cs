using System.Net;
using EcrUtils.Aws;
using EcrUtils.Resilience;

namespace EcrUtils.Operations;

/// <summary>
/// Makes a run's calls that change the registry up to <c>maxParallel</c> at a time, one per item, in order. Once the run
/// is stopping, or a call has failed, nothing new is sent; the calls in flight always finish (each records its own
/// answer) before the failure or the stop is reported, so that nothing ECR did goes unrecorded.
/// </summary>
internal static class BoundedCalls
{
    public static async Task RunAsync<T>(IEnumerable<T> items, int maxParallel, RunStop stop, Func<T, Task> call)
    {
        var failed = false;
        using var slots = new SemaphoreSlim(Math.Max(1, maxParallel));
        var running = new List<Task>();
        foreach (var item in items)
        {
            try
            {
                await slots.WaitAsync(stop.Stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (Volatile.Read(ref failed) || stop.Stopping.IsCancellationRequested)
            {
                slots.Release();
                break;
            }

            running.Add(CallAsync(item));
        }

        // The calls in flight end before the stop is reported: their answers are part of what the run did.
        await Task.WhenAll(running).ConfigureAwait(false);
        stop.Stopping.ThrowIfCancellationRequested();

        async Task CallAsync(T item)
        {
            try
            {
                await call(item).ConfigureAwait(false);
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

    /// <summary>
    /// Whether ECR answered a call and refused it for a reason no retry changes (a client error other than throttling
    /// and access denied, which stops the run instead): the call changed nothing, and the other calls may go on.
    /// </summary>
    public static bool IsRefusal(Exception exception) =>
        exception is AwsServiceException { StatusCode: >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError, IsAccessDenied: false } refused
        && !EcrResilience.IsTransient(refused);
}
