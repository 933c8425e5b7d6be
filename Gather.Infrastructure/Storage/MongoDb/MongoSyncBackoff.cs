using System.Diagnostics.Metrics;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// The wait between a sync's re-plans of records that other writers changed meanwhile, and the
/// rounds it separates (<see cref="RetryAsync{T}"/>: syncs and attached data alike).
/// Immediate retries let the same writers collide again and again (each lost race is a
/// duplicate-key error the server does not retry); a random wait below an exponentially
/// growing bound ("full jitter") spreads them apart, so every key's writers take turns and
/// the sync converges. The total is bounded so a caller never waits without end.
/// </summary>
internal sealed class MongoSyncBackoff(MongoOptions options, TimeProvider time)
{
    public long Start() => time.GetTimestamp();

    /// <summary>Waits before attempt <paramref name="nextAttempt"/> (2, 3, …); false when the budget would be exceeded.</summary>
    public async Task<bool> WaitAsync(int nextAttempt, long startedAt, CancellationToken cancellationToken)
    {
        var budget = TimeSpan.FromMilliseconds(options.SyncRetryBudgetMilliseconds);
        var elapsed = time.GetElapsedTime(startedAt);
        var delay = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Bound(options, nextAttempt));
        if (elapsed + delay >= budget)
            return false;
        await Task.Delay(delay, time, cancellationToken);
        return true;
    }

    /// <summary>
    /// Runs <paramref name="attemptAsync"/> on <paramref name="pending"/>, then again, after a wait,
    /// on what it hands back (the items whose conditional write lost a race), until nothing is
    /// pending. When the next wait would cross the budget it stops with
    /// <see cref="StoreContendedException"/>: the items still pending are left unwritten.
    /// </summary>
    /// <param name="contended">The exception's message, from the number of items still pending and the attempts made.</param>
    /// <param name="attempts">Where the attempts made are recorded, whether the work finished or gave up.</param>
    public async Task RetryAsync<T>(IReadOnlyList<T> pending, Func<IReadOnlyList<T>, Task<IReadOnlyList<T>>> attemptAsync,
        Func<int, int, string> contended, Histogram<int>? attempts, CancellationToken cancellationToken)
    {
        var startedAt = Start();
        var attempt = 1;
        for (; pending.Count > 0; attempt++)
        {
            if (attempt > 1 && !await WaitAsync(attempt, startedAt, cancellationToken))
            {
                attempts?.Record(attempt - 1);
                throw new StoreContendedException(contended(pending.Count, attempt - 1));
            }
            pending = await attemptAsync(pending);
        }
        attempts?.Record(attempt - 1);
    }

    /// <summary>The largest wait before <paramref name="nextAttempt"/>: the base, doubled per earlier retry, capped.</summary>
    public static double Bound(MongoOptions options, int nextAttempt) =>
        Math.Min(options.SyncRetryMaxDelayMilliseconds,
            options.SyncRetryBaseDelayMilliseconds * Math.Pow(2, Math.Clamp(nextAttempt - 2, 0, 20)));
}
