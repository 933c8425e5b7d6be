using Gather.Infrastructure.Storage.MongoDb;

namespace Gather.Tests.Storage;

/// <summary>The wait between re-plans grows with full jitter up to its bound and never crosses the sync's retry budget.</summary>
public sealed class MongoSyncBackoffTests
{
    private sealed class ManualClock : TimeProvider
    {
        public long Now { get; set; }

        public override long GetTimestamp() => Now;

        public override long TimestampFrequency => 1000;
    }

    private static readonly MongoOptions Options = new()
    {
        SyncRetryBudgetMilliseconds = 1000, SyncRetryBaseDelayMilliseconds = 5, SyncRetryMaxDelayMilliseconds = 250,
    };

    [Theory]
    [InlineData(2, 5)]
    [InlineData(3, 10)]
    [InlineData(7, 160)]
    [InlineData(8, 250)]
    [InlineData(500, 250)]
    public void The_bound_doubles_per_attempt_up_to_the_largest_wait(int attempt, double bound) =>
        Assert.Equal(bound, MongoSyncBackoff.Bound(Options, attempt));

    [Fact]
    public async Task A_wait_that_would_cross_the_budget_is_refused_without_waiting()
    {
        var clock = new ManualClock();
        var backoff = new MongoSyncBackoff(Options, clock);
        var startedAt = backoff.Start();

        clock.Now += Options.SyncRetryBudgetMilliseconds;

        Assert.False(await backoff.WaitAsync(2, startedAt, CancellationToken.None));
    }
}
