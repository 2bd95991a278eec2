namespace EcrUtils.Tests.FaultInjection;

/// <summary>
/// Chooses a fault for each request at random from a seed: about 30% throttled, some 500s, some resets (before and
/// after the request took effect) and some hangs. The first call of each operation is always throttled, and the first
/// two deletions always lose their answer after taking effect, the worst case for a retry. A request (the same operation and body, as its retries are) meets at most
/// <see cref="MaxFaultsPerRequest"/> faults, so that the default retries always get it through in the end.
/// </summary>
internal sealed class FaultPlan(int seed)
{
    public const int MaxFaultsPerRequest = 3;

    private readonly Lock _lock = new();
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, int> _faultsPerRequest = new(StringComparer.Ordinal);
    private readonly List<(string Operation, InjectedFault Fault)> _log = [];
    private readonly Queue<InjectedFault> _firstDeletions = new([InjectedFault.ResetAfterApplying, InjectedFault.HangAfterApplying]);
    private readonly HashSet<string> _operationsSeen = new(StringComparer.Ordinal);

    /// <summary>Every request's operation and fault, in arrival order.</summary>
    public IReadOnlyList<(string Operation, InjectedFault Fault)> Log
    {
        get
        {
            lock (_lock)
            {
                return [.. _log];
            }
        }
    }

    public InjectedFault Next(string operation, string body)
    {
        lock (_lock)
        {
            var key = operation + "\n" + body;
            var faults = _faultsPerRequest.GetValueOrDefault(key);
            var fault = faults >= MaxFaultsPerRequest ? InjectedFault.None
                : _operationsSeen.Add(operation) ? InjectedFault.Throttling
                : operation == "BatchDeleteImage" && _firstDeletions.TryDequeue(out var forced) ? forced
                : Draw();
            if (fault != InjectedFault.None)
            {
                _faultsPerRequest[key] = faults + 1;
            }

            _log.Add((operation, fault));
            return fault;
        }
    }

    public int Count(InjectedFault fault) => Log.Count(l => l.Fault == fault);

    private InjectedFault Draw() => _random.NextDouble() switch
    {
        < 0.30 => InjectedFault.Throttling,
        < 0.36 => InjectedFault.ServerError,
        < 0.39 => InjectedFault.ResetBeforeSending,
        < 0.42 => InjectedFault.ResetAfterApplying,
        < 0.44 => InjectedFault.Hang,
        < 0.45 => InjectedFault.HangAfterApplying,
        _ => InjectedFault.None,
    };
}
