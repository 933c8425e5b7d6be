using System.Text.Json.Nodes;
using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage.MongoDb;
using Gather.Infrastructure.Teams;
using Gather.Tests.Storage;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using SortDirection = Gather.Infrastructure.Records.Querying.SortDirection;

namespace Gather.Tests.Records;

/// <summary>
/// On a MongoDB server: each held field index is a real partial index on <c>records</c> that lives
/// exactly as long as its registration, and a page takes the plain sorted find only while the
/// model's statistics prove MongoDB's order is Gather's, also against writes racing the read.
/// </summary>
public sealed class MongoIndexedPageTests(MongoSeededStore fixture) : IClassFixture<MongoSeededStore>
{
    private static readonly FieldPath Amount = new(["amount"]);

    private async Task<(MongoCollections Collections, ITeamStore Team, Model Model)> CreateAsync(IReadOnlyList<DeclaredField>? declared = null)
    {
        var collections = await fixture.CreateCollectionsAsync();
        var store = new MongoStore(collections, Options.Create(MongoServer.StoreOptions), TimeProvider.System);
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders", declared);
        return (collections, team, model);
    }

    private static async Task SyncAsync(ITeamStore team, Model model, params string[] json)
    {
        var result = await SeededRecordStore.RecordService.SyncAsync(team, model.Id, json.Select(j => new RecordInput(JsonNode.Parse(j))).ToList(),
            CancellationToken.None);
        Assert.Empty(result.Value!.Errors);
    }

    private static async Task<Dictionary<string, BsonDocument>> HeldIndexesAsync(MongoCollections collections, string teamId) =>
        (await (await collections.RecordsOf(teamId).Indexes.ListAsync()).ToListAsync())
        .Where(i => i["name"].AsString.StartsWith("ix_records_held_", StringComparison.Ordinal))
        .ToDictionary(i => i["name"].AsString, i => i);

    [SkippableFact]
    public async Task Holding_an_index_builds_a_partial_index_that_the_last_owner_drops()
    {
        var (collections, team, model) = await CreateAsync();
        var key = new FieldIndexKey(model.Id, [new IndexedField(new FieldPath(["status"])), new IndexedField(Amount, SortDirection.Descending)]);
        Task<FieldIndexResult> HoldAsync(string owner, params FieldIndexKey[] keys) =>
            team.FieldIndexes.HoldAsync(new IndexOwner("view", owner), keys, 5, CancellationToken.None);

        await HoldAsync("v1", key);
        await HoldAsync("v2", key);
        var built = await HeldIndexesAsync(collections, team.TeamId);
        await HoldAsync("v1");
        var afterOne = await HeldIndexesAsync(collections, team.TeamId);
        await HoldAsync("v2");
        var afterBoth = await HeldIndexesAsync(collections, team.TeamId);

        var index = Assert.Single(built).Value;
        Assert.Equal(new BsonDocument { { "teamId", 1 }, { "modelId", 1 }, { "data.status", 1 }, { "data.amount", -1 }, { "key", 1 } }, index["key"]);
        Assert.Equal(new BsonDocument { { "teamId", new BsonDocument("$eq", team.TeamId) }, { "modelId", new BsonDocument("$eq", model.Id) } },
            index["partialFilterExpression"]);
        Assert.Equal(built.Keys, afterOne.Keys);
        Assert.Empty(afterBoth);
        Assert.Empty(await team.FieldIndexes.ListAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task Holding_an_index_again_builds_it_again_when_it_was_lost()
    {
        var (collections, team, model) = await CreateAsync();
        var key = new FieldIndexKey(model.Id, Amount);
        await team.FieldIndexes.HoldAsync(new IndexOwner("view", "v1"), [key], 5, CancellationToken.None);
        var name = Assert.Single(await HeldIndexesAsync(collections, team.TeamId)).Key;
        await collections.Database.RunCommandAsync<BsonDocument>(MongoRecordIndexes.DropCommand(team.TeamId, name));

        var again = await team.FieldIndexes.HoldAsync(new IndexOwner("view", "v1"), [key], 5, CancellationToken.None);

        Assert.False(again.Changed);
        Assert.Equal([name], (await HeldIndexesAsync(collections, team.TeamId)).Keys);
    }

    [SkippableFact]
    public async Task Settling_builds_a_registered_index_again_and_drops_one_nobody_registered()
    {
        var (collections, team, model) = await CreateAsync();
        var key = new FieldIndexKey(model.Id, Amount);
        await team.FieldIndexes.HoldAsync(new IndexOwner("view", "v1"), [key], 5, CancellationToken.None);
        var name = Assert.Single(await HeldIndexesAsync(collections, team.TeamId)).Key;

        // A drop by an instance that let go an instant before this holder registered the index anew.
        await collections.Database.RunCommandAsync<BsonDocument>(MongoRecordIndexes.DropCommand(team.TeamId, name));
        await MongoRecordIndexes.SettleAsync(collections, team.TeamId, name, key, CancellationToken.None);
        var rebuilt = await HeldIndexesAsync(collections, team.TeamId);
        // A build by an instance that registered an instant before the last owner let go.
        await collections.FieldIndexes.DeleteOneAsync(new BsonDocument("_id", name));
        await MongoRecordIndexes.SettleAsync(collections, team.TeamId, name, key, CancellationToken.None);

        Assert.Equal([name], rebuilt.Keys);
        Assert.Empty(await HeldIndexesAsync(collections, team.TeamId));
    }

    [SkippableFact]
    public async Task A_page_is_a_plain_find_only_while_each_sort_path_holds_one_kind_of_scalar()
    {
        var (collections, team, model) = await CreateAsync([new DeclaredField("v", FieldType.Json)]);
        Task<MongoPlainOrder?> CheckAsync(params string[] paths) => MongoPlainOrder.CheckAsync(collections, team.TeamId, model.Id,
            paths.Select(p => new RecordSort(new FieldPath(p.Split('.')), SortDirection.Descending)).ToList(), CancellationToken.None);

        await SyncAsync(team, model, """{"id":"1","amount":5,"v":1,"city":{"name":"Bern"}}""", """{"id":"2","amount":2.5,"v":2,"tags":["x"]}""",
            """{"id":"3","v":null}""");
        var numbers = await CheckAsync("amount", "v", "city.name", "nope");
        var throughArray = await CheckAsync("tags.first");
        var objects = await CheckAsync("city");
        var attached = await CheckAsync("stripeCharge.amount");
        await SyncAsync(team, model, """{"id":"4","v":"x"}""");
        var mixed = await CheckAsync("v");

        Assert.Equal([ScalarKind.Number, ScalarKind.Number, ScalarKind.String, ScalarKind.Null], numbers!.Kinds);
        Assert.Null(throughArray);
        Assert.Null(objects);
        Assert.Null(attached);
        Assert.Null(mixed);
        Assert.Empty((await MongoPlainOrder.CheckAsync(collections, team.TeamId, model.Id, [], CancellationToken.None))!.Kinds);
    }

    [SkippableFact]
    public async Task A_write_that_starts_after_the_check_sends_the_page_to_the_computed_keys()
    {
        var (collections, team, model) = await CreateAsync([new DeclaredField("v", FieldType.Json)]);
        await SyncAsync(team, model, """{"id":"1","v":1}""");
        var order = new[] { new RecordSort(new FieldPath(["v"]), SortDirection.Ascending) };

        var plain = await MongoPlainOrder.CheckAsync(collections, team.TeamId, model.Id, order, CancellationToken.None);
        var heldBefore = await plain!.StillHoldsAsync(CancellationToken.None);
        await SyncAsync(team, model, """{"id":"2","v":{"x":1}}""");

        Assert.True(heldBefore);
        Assert.False(await plain.StillHoldsAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_record_of_a_new_kind_not_yet_counted_is_paged_in_gathers_order()
    {
        var (collections, team, model) = await CreateAsync([new DeclaredField("v", FieldType.Json)]);
        await SyncAsync(team, model, """{"id":"1","v":1}""", """{"id":"2","v":2}""");
        var query = SeededRecordStore.QueryBuilder.Build(null, QueryJson.Order("""[{"field":"v"}]"""), null, new PageInput(First: 2)).Value!;
        string[]? seenMidWrite = null;
        var writer = new MongoRecordStore(collections, team.TeamId, new MongoSyncBackoff(MongoServer.StoreOptions, TimeProvider.System),
            new MongoFieldStatsRepair(collections, team.TeamId, TimeProvider.System, TimeSpan.FromSeconds(30)),
            async () => seenMidWrite = (await team.Records.QueryAsync(model.Id, query, CancellationToken.None)).Records.Select(r => r.Key).ToArray());

        // Its records are written, its statistics not yet: an object, which Gather sorts first and MongoDB after the numbers.
        await writer.SyncAsync(model.Id, [new RecordPatch(0, "3", JsonNode.Parse("""{"id":"3","v":{"x":1}}""")!.AsObject())],
            DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(["3", "1"], seenMidWrite!);
        Assert.Equal(["3", "1"], (await team.Records.QueryAsync(model.Id, query, CancellationToken.None)).Records.Select(r => r.Key));
    }
}
