namespace EcrUtils.Tests.Fakes;

/// <summary>Faults waiting for calls: queued per operation (first in, first served) or chosen by a predicate.</summary>
internal sealed class FakeEcrFaults
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<FakeEcrFault>> _queues = new(StringComparer.Ordinal);

    /// <summary>Chooses a fault for a call (or null for none) when no queued fault applies.</summary>
    public Func<FakeEcrCall, FakeEcrFault?>? When { get; set; }

    /// <summary>The next calls of <paramref name="operation"/> get these faults, one each, in order.</summary>
    public void Enqueue(string operation, params FakeEcrFault[] faults)
    {
        lock (_gate)
        {
            if (!_queues.TryGetValue(operation, out var queue))
            {
                _queues[operation] = queue = new Queue<FakeEcrFault>();
            }

            foreach (var fault in faults)
            {
                queue.Enqueue(fault);
            }
        }
    }

    internal FakeEcrFault? Take(FakeEcrCall call)
    {
        lock (_gate)
        {
            if (_queues.TryGetValue(call.Operation, out var queue) && queue.TryDequeue(out var fault))
            {
                return fault;
            }
        }

        return When?.Invoke(call);
    }
}
