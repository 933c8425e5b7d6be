namespace Gather.Infrastructure.Storage;

/// <summary>
/// Counts the store round trips made on behalf of one unit of work (a GraphQL request, a sync
/// call), so tests and benchmarks can check that batching holds: a nested query must cost the
/// same number of round trips whatever its page sizes. The adapters report each statement or
/// command they send; the count follows the async flow from <see cref="Begin"/>.
/// </summary>
public static class StoreRoundTrips
{
    private static readonly AsyncLocal<Counter?> Current = new();

    /// <summary>Starts counting for the current async flow; dispose to stop.</summary>
    public static Counter Begin()
    {
        var counter = new Counter(Current.Value);
        Current.Value = counter;
        return counter;
    }

    /// <summary>Called by the adapters for every statement or command sent to the database.</summary>
    public static void Record()
    {
        Current.Value?.Increment();
        Telemetry.GatherTelemetry.StoreRoundTrips.Add(1);
        // Marked on the span in progress (a GraphQL operation, a task run), so traces show the store calls it made.
        System.Diagnostics.Activity.Current?.AddEvent(new System.Diagnostics.ActivityEvent("store.round_trip"));
    }

    public sealed class Counter(Counter? outer) : IDisposable
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        /// <summary>Counts for this counter and every counter it is nested in, so an outer count includes an inner one's.</summary>
        internal void Increment()
        {
            Interlocked.Increment(ref _count);
            outer?.Increment();
        }

        public void Dispose()
        {
            if (Current.Value == this)
                Current.Value = outer;
        }
    }
}
