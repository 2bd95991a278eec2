namespace EcrUtils.Resilience;

/// <summary>
/// The run was asked to stop before this request was sent (or before it was sent again): nothing of it reached the
/// service. It is a cancellation, never a failure of what the request was for.
/// </summary>
public sealed class RequestNotSentException : OperationCanceledException
{
    /// <summary>Creates the exception for a request refused by the stop that <paramref name="token"/> signals.</summary>
    public RequestNotSentException(CancellationToken token)
        : base("The run was asked to stop: no new request is sent.", token)
    {
    }
}
