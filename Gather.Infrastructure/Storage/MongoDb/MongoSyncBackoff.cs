namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// The wait between a sync's re-plans of records that other writers changed meanwhile.
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

    /// <summary>The largest wait before <paramref name="nextAttempt"/>: the base, doubled per earlier retry, capped.</summary>
    public static double Bound(MongoOptions options, int nextAttempt) =>
        Math.Min(options.SyncRetryMaxDelayMilliseconds,
            options.SyncRetryBaseDelayMilliseconds * Math.Pow(2, Math.Clamp(nextAttempt - 2, 0, 20)));
}
