using System.Diagnostics.Metrics;
using Gather.Infrastructure.Telemetry;
using Xunit.Abstractions;

namespace Gather.Tests.Records;

/// <summary>
/// Counts the plan-and-write rounds each MongoDB sync takes while 8 or 32 writers hit the same
/// keys (the <c>gather.sync.attempts</c> histogram; 32 writers run fewer rounds, to keep CI short), and checks every sync finished: none gave
/// up, none was counted twice. The distribution goes to the test output for the README.
/// </summary>
public sealed class MongoSyncAttemptsTests(MongoSeededStore fixture, ITestOutputHelper output) : IClassFixture<MongoSeededStore>
{
    // The histogram is process-wide; only measurements made inside this test's own writers count.
    private static readonly AsyncLocal<object?> Scope = new();

    [SkippableTheory]
    [InlineData(8, 12)]
    [InlineData(32, 3)]
    public async Task Every_sync_under_contention_completes_and_its_attempts_are_counted(int writers, int rounds)
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await fixture.CreateAsync());
        var scope = new object();
        var attempts = new List<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument == GatherTelemetry.SyncAttempts)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
        {
            if (ReferenceEquals(Scope.Value, scope))
                lock (attempts)
                    attempts.Add(value);
        });
        listener.Start();

        Scope.Value = scope;
        await ParallelWriters.WriteAsync(team, model, writers, rounds);
        Scope.Value = null;

        await ParallelWriters.AssertNoUpdateLostAsync(team, model, writers, rounds);
        Assert.Equal(writers * rounds, attempts.Count);
        Assert.All(attempts, a => Assert.True(a >= 1));
        var sorted = attempts.Order().ToList();
        output.WriteLine($"{writers} writers, {attempts.Count} syncs of {ParallelWriters.Keys} keys: attempts mean {attempts.Average():0.00}, " +
                         $"median {sorted[sorted.Count / 2]}, p95 {sorted[(int)(sorted.Count * 0.95)]}, max {sorted[^1]}");
    }
}
