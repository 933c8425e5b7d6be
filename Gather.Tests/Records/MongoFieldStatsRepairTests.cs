using System.Text.Json.Nodes;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Storage.MongoDb;
using Gather.Infrastructure.Teams;
using Gather.Tests.Storage;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Tests.Records;

/// <summary>
/// MongoDB writes a sync's records and its field statistics as separate commands (standalone
/// servers have no transactions). A sync that fails between the two must not leave the catalogue
/// counts wrong for good: a statistics read after the grace period recounts the model.
/// </summary>
public sealed class MongoFieldStatsRepairTests(MongoSeededStore fixture) : IClassFixture<MongoSeededStore>
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(MongoServer.StoreOptions.FieldStatsRepairGraceSeconds);

    [SkippableFact]
    public async Task A_sync_that_fails_between_records_and_statistics_is_recounted_on_a_read_after_the_grace_period()
    {
        var (collections, clock, team, model) = await SeedAsync();
        var failing = FailingStore(collections, team.TeamId, clock);

        await Assert.ThrowsAsync<IOException>(() => failing.SyncAsync(model.Id,
            [new RecordPatch(0, "c", new JsonObject { ["id"] = "c", ["name"] = "z", ["size"] = 1.5 })], clock.GetUtcNow(), CancellationToken.None));

        // Within the grace period the failed write may still be in flight: the counts are as it left them.
        Assert.Equal(Drifted, await CountsAsync(team, model));
        clock.Advance(Grace + TimeSpan.FromSeconds(1));
        Assert.Equal(Repaired, await CountsAsync(team, model));
        Assert.Empty(await PendingAsync(collections, model));
        // Writes after the repair count on top of the recount.
        await SeededRecordStore.RecordService.SyncAsync(team, model.Id, [new RecordInput(new JsonObject { ["id"] = "d", ["name"] = "w" })],
            CancellationToken.None);
        Assert.Equal("id:String:4 name:String:4 size:Float:1", await CountsAsync(team, model));
    }

    [SkippableFact]
    public async Task A_delete_that_fails_between_records_and_statistics_is_recounted_too()
    {
        var (collections, clock, team, model) = await SeedAsync();
        var failing = FailingStore(collections, team.TeamId, clock);

        await Assert.ThrowsAsync<IOException>(() => failing.DeleteAsync(model.Id, ["b"], CancellationToken.None));
        clock.Advance(Grace + TimeSpan.FromSeconds(1));

        Assert.Equal("id:String:1 name:String:1", await CountsAsync(team, model));
    }

    [SkippableFact]
    public async Task Without_the_pending_note_the_same_failure_stays_miscounted()
    {
        var (collections, clock, team, model) = await SeedAsync();
        var failing = FailingStore(collections, team.TeamId, clock);
        await Assert.ThrowsAsync<IOException>(() => failing.SyncAsync(model.Id,
            [new RecordPatch(0, "c", new JsonObject { ["id"] = "c", ["name"] = "z", ["size"] = 1.5 })], clock.GetUtcNow(), CancellationToken.None));

        // As the adapter was before the note: nothing tells a read the model's counts are wrong.
        await collections.FieldStatsPending.DeleteManyAsync(new BsonDocument("modelId", model.Id));
        clock.Advance(Grace + TimeSpan.FromSeconds(1));

        Assert.Equal(Drifted, await CountsAsync(team, model));
    }

    [SkippableFact]
    public async Task A_write_still_in_flight_keeps_the_recount_away_until_it_is_done()
    {
        var (collections, clock, team, model) = await SeedAsync();
        var failing = FailingStore(collections, team.TeamId, clock);
        await Assert.ThrowsAsync<IOException>(() => failing.SyncAsync(model.Id,
            [new RecordPatch(0, "c", new JsonObject { ["id"] = "c", ["name"] = "z", ["size"] = 1.5 })], clock.GetUtcNow(), CancellationToken.None));
        clock.Advance(Grace + TimeSpan.FromSeconds(1));
        var repair = new MongoFieldStatsRepair(collections, team.TeamId, clock, Grace);
        var inFlight = await repair.StartAsync(model.Id, CancellationToken.None);

        Assert.Equal(Drifted, await CountsAsync(team, model));
        await repair.DoneAsync(model.Id, inFlight, CancellationToken.None);
        Assert.Equal(Repaired, await CountsAsync(team, model));
    }

    [SkippableFact]
    public async Task A_sync_refused_before_writing_leaves_no_note_behind()
    {
        var (collections, clock, team, model) = await SeedAsync();
        var store = FailingStore(collections, team.TeamId, clock);

        await Assert.ThrowsAsync<RecordTooLargeException>(() => store.SyncAsync(model.Id,
            [new RecordPatch(0, "big", new JsonObject { ["id"] = "big", ["text"] = new string('a', MongoRecordStore.MaxDocumentBytes) })],
            clock.GetUtcNow(), CancellationToken.None));

        Assert.Empty(await PendingAsync(collections, model));
        Assert.Equal(Drifted, await CountsAsync(team, model));
    }

    // Seeded: a {id, name} and b {id, name}; c adds id, name and size (a float).
    private const string Drifted = "id:String:2 name:String:2";
    private const string Repaired = "id:String:3 name:String:3 size:Float:1";

    private async Task<(MongoCollections, ManualClock, ITeamStore, Model)> SeedAsync()
    {
        var collections = await fixture.CreateCollectionsAsync();
        var clock = new ManualClock(SeededRecordStore.T0);
        var store = new MongoStore(collections, Options.Create(MongoServer.StoreOptions), clock);
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(store);
        var result = await SeededRecordStore.RecordService.SyncAsync(team, model.Id,
            [new RecordInput(new JsonObject { ["id"] = "a", ["name"] = "x" }), new RecordInput(new JsonObject { ["id"] = "b", ["name"] = "y" })],
            CancellationToken.None);
        Assert.Empty(result.Value!.Errors);
        Assert.Equal(Drifted, await CountsAsync(team, model));
        return (collections, clock, team, model);
    }

    /// <summary>A record store whose connection drops right after the records are written, before their statistics.</summary>
    private static MongoRecordStore FailingStore(MongoCollections collections, string teamId, ManualClock clock) =>
        new(collections, teamId, new MongoSyncBackoff(MongoServer.StoreOptions, clock),
            new MongoFieldStatsRepair(collections, teamId, clock, Grace),
            () => throw new IOException("The connection dropped between the records and their statistics."));

    private static async Task<string> CountsAsync(ITeamStore team, Model model)
    {
        var statistics = await team.Models.GetFieldStatisticsAsync([model.Id], CancellationToken.None);
        return string.Join(' ', statistics.GetValueOrDefault(model.Id, []).Select(s => $"{s.Path}:{s.Kind}:{s.Count}"));
    }

    private static async Task<List<BsonValue>> PendingAsync(MongoCollections collections, Model model) =>
        (await collections.FieldStatsPending.Find(new BsonDocument("modelId", model.Id)).ToListAsync())
        .SelectMany(d => d["pending"].AsBsonArray).ToList();

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
