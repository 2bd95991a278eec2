using EcrUtils.Aws;
using Polly;

namespace EcrUtils.Resilience;

/// <summary>
/// Admits each attempt into the run's shared traffic: first a token of the adaptive rate limit (when ECR has
/// throttled), then one of <paramref name="maxConcurrentRequests"/> slots, which every repository's requests share.
/// The attempt's outcome then tells the rate limit whether ECR throttled. Once <paramref name="stopSending"/> is
/// cancelled, no attempt is admitted any more (<see cref="RequestNotSentException"/>), while those already admitted go on.
/// </summary>
internal sealed class RunTrafficStrategy(AdaptiveRateLimiter? limiter, int maxConcurrentRequests, CancellationToken stopSending) : ResilienceStrategy, IDisposable
{
    private readonly SemaphoreSlim _slots = new(maxConcurrentRequests, maxConcurrentRequests);

    public void Dispose() => _slots.Dispose();

    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback,
        ResilienceContext context,
        TState state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(context);
        long admittedAt = 0;
        // Waiting for admission ends when the run stops; a request in flight only ends with its own token.
        using var admission = stopSending.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, stopSending) : null;
        var admissionToken = admission?.Token ?? context.CancellationToken;
        try
        {
            stopSending.ThrowIfCancellationRequested();
            if (limiter is not null)
            {
                admittedAt = await limiter.AcquireAsync(admissionToken).ConfigureAwait(context.ContinueOnCapturedContext);
            }

            await _slots.WaitAsync(admissionToken).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (OperationCanceledException cancelled)
        {
            // Polly strategies report failures as outcomes, never by throwing.
            return Outcome.FromException<TResult>(
                !context.CancellationToken.IsCancellationRequested && stopSending.IsCancellationRequested ? new RequestNotSentException(stopSending) : cancelled);
        }

        if (stopSending.IsCancellationRequested)
        {
            // The run stopped while this attempt waited for its slot.
            _slots.Release();
            return Outcome.FromException<TResult>(new RequestNotSentException(stopSending));
        }

        Outcome<TResult> outcome;
        try
        {
            outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        finally
        {
            _slots.Release();
        }

        if (limiter is not null)
        {
            if (outcome.Exception is { } exception && EcrResilience.IsThrottling(exception))
            {
                limiter.OnThrottled(admittedAt);
            }
            else if (outcome.Exception is null or AwsServiceException)
            {
                // ECR answered: a success or an error that is not about the rate.
                limiter.OnAnswered();
            }
        }

        return outcome;
    }
}
