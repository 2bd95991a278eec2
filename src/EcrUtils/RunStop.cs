namespace EcrUtils;

/// <summary>
/// How a run is asked to stop, in two steps. <see cref="Stopping"/> (the first Ctrl+C or SIGTERM): nothing new is sent,
/// while the requests already in flight finish and their answers are recorded. <see cref="Aborted"/> (the second):
/// the requests in flight are given up too, and what they were to change is recorded as unconfirmed.
/// </summary>
/// <param name="Stopping">Cancelled when the run is to send nothing new.</param>
/// <param name="Aborted">Cancelled when the requests in flight are to be given up as well.</param>
public readonly record struct RunStop(CancellationToken Stopping, CancellationToken Aborted)
{
    /// <summary>Whether the run was asked to stop, in either step.</summary>
    public bool IsRequested => Stopping.IsCancellationRequested || Aborted.IsCancellationRequested;

    /// <summary>One token for both steps: when it is cancelled, requests in flight are given up at once.</summary>
    public static RunStop At(CancellationToken token) => new(token, token);

    /// <inheritdoc cref="At"/>
    public static implicit operator RunStop(CancellationToken token) => At(token);
}
