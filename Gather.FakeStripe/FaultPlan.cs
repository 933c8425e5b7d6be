using System.Collections.Concurrent;

namespace Gather.FakeStripe;

/// <summary>
/// Faults to inject and the requests seen, for tests and demos: the next <c>times</c> requests
/// whose path starts with a prefix (and whose query contains a text, if given) fail with a
/// status, or wait longer. Also counts every Stripe request by method and path.
/// </summary>
public sealed class FaultPlan
{
    public sealed record Fault(string PathPrefix, string? QueryContains, int Status, int Times, int DelayMilliseconds);

    private readonly List<Fault> _faults = [];
    private readonly ConcurrentQueue<string> _requests = new();

    public void Add(Fault fault)
    {
        lock (_faults)
            _faults.Add(fault);
    }

    public void Clear()
    {
        lock (_faults)
            _faults.Clear();
    }

    /// <summary>The fault that applies to this request, used up by one; null when none does.</summary>
    public Fault? Take(string path, string query)
    {
        lock (_faults)
        {
            var index = _faults.FindIndex(f => path.StartsWith(f.PathPrefix, StringComparison.Ordinal)
                                               && (f.QueryContains is null || query.Contains(f.QueryContains, StringComparison.Ordinal)));
            if (index < 0)
                return null;
            var fault = _faults[index];
            if (fault.Times <= 1)
                _faults.RemoveAt(index);
            else
                _faults[index] = fault with { Times = fault.Times - 1 };
            return fault;
        }
    }

    public void Record(string method, string pathAndQuery) => _requests.Enqueue($"{method} {pathAndQuery}");

    /// <summary>Every Stripe request so far, in order, as "METHOD /v1/path?query".</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    public void ClearRequests() => _requests.Clear();
}
