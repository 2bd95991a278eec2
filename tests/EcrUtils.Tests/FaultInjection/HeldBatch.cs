namespace EcrUtils.Tests.FaultInjection;

/// <summary>
/// Holds the answer to the <c>number</c>th BatchDeleteImage call after the registry carried it out, until released
/// or until the caller gives the call up: the moment a stop or an abort matters most.
/// </summary>
internal sealed class HeldBatch(int number)
{
    private readonly TaskCompletionSource _applied = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _number = number;
    private int _calls;

    /// <summary>Completes when the held call has taken effect in the registry.</summary>
    public Task Applied => _applied.Task;

    public void Release() => _release.TrySetResult();

    public HttpMessageHandler Wrap(HttpMessageHandler inner) => new Handler(inner, this);

    private sealed class Handler(HttpMessageHandler inner, HeldBatch held) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var isDeletion = request.Headers.TryGetValues("X-Amz-Target", out var targets) && targets.Single().EndsWith(".BatchDeleteImage", StringComparison.Ordinal);
            if (isDeletion && Interlocked.Increment(ref held._calls) == held._number)
            {
                held._applied.TrySetResult();
                await held._release.Task.WaitAsync(cancellationToken);
            }

            return response;
        }
    }
}
