namespace EcrUtils.IntegrationTests;

/// <summary>
/// The faults of the end-to-end fault tests, drawn from a seed: about 30% of requests throttled, some 500s, resets
/// and hangs, before or after the request took effect. The first request of each operation is throttled and the first
/// two deletions lose their answer after taking effect, so every run meets the worst cases. One request (the same
/// operation and body, as its retries are) meets at most <see cref="MaxFaultsPerRequest"/> faults, fewer than the
/// default retries, so a correct client always gets through.
/// </summary>
public sealed class ProxyFaultPlan(int seed)
{
    public const int MaxFaultsPerRequest = 3;

    private readonly Lock _lock = new();
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, int> _faultsPerRequest = new(StringComparer.Ordinal);
    private readonly HashSet<string> _operationsSeen = new(StringComparer.Ordinal);
    private readonly Queue<ProxyAction> _firstDeletions = new([ProxyAction.ResetAfterApplying, ProxyAction.HangAfterApplying]);

    public ProxyAction Decide(ProxiedCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (_lock)
        {
            var key = call.Operation + "\n" + call.Body;
            var faults = _faultsPerRequest.GetValueOrDefault(key);
            var action = faults >= MaxFaultsPerRequest ? ProxyAction.Forward
                : _operationsSeen.Add(call.Operation) ? ProxyAction.Throttle
                : call.Operation == "BatchDeleteImage" && _firstDeletions.TryDequeue(out var forced) ? forced
                : Draw();
            if (action != ProxyAction.Forward)
            {
                _faultsPerRequest[key] = faults + 1;
            }

            return action;
        }
    }

    private ProxyAction Draw() => _random.NextDouble() switch
    {
        < 0.30 => ProxyAction.Throttle,
        < 0.36 => ProxyAction.ServerError,
        < 0.39 => ProxyAction.ResetBeforeSending,
        < 0.42 => ProxyAction.ResetAfterApplying,
        < 0.44 => ProxyAction.Hang,
        < 0.45 => ProxyAction.HangAfterApplying,
        _ => ProxyAction.Forward,
    };
}
