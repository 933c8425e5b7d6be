using System.Text.Json.Nodes;
using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Storage.MongoDb;
using Gather.Infrastructure.Teams;
using Gather.Tests.Records;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Tests.Storage;

/// <summary>
/// A MongoDB database from before each team had its own records collection: starting up moves
/// every record of the shared <c>records</c> collection into its team's, builds the teams' field
/// indexes there, and drops the shared collection; a record a start already copied (it stopped
/// before deleting) is neither lost nor doubled. And once moved, one team's indexes are on its
/// own collection only, so they never take another team's room (MongoDB allows 64 per collection).
/// </summary>
public sealed class MongoRecordCollectionMigrationTests(MongoServer server) : IClassFixture<MongoServer>
{
    private static readonly FieldPath Amount = new(["amount"]);

    [SkippableFact]
    public async Task Records_of_the_shared_collection_move_to_their_teams_collections_with_their_indexes()
    {
        await server.WithDatabaseAsync(async (collections, initializer) =>
        {
            var store = new MongoStore(collections, Options.Create(MongoServer.StoreOptions), TimeProvider.System);
            var (mine, orders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
            var (theirs, items) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Items");
            await SyncAsync(mine, orders.Id, ("o1", 10, "first invoice"), ("o2", 30, "second invoice"), ("o3", 20, "third"));
            await SyncAsync(theirs, items.Id, ("i1", 5, "their invoice"));
            Assert.True((await mine.FieldIndexes.HoldAsync(IndexOwner.View("view_1"), [new FieldIndexKey(orders.Id, Amount)], 20,
                CancellationToken.None)).Held);
            var index = Assert.Single(await mine.FieldIndexes.ListAsync(CancellationToken.None)).Name;

            // The layout of the version before: every record in `records`; o2 also still in its
            // team's collection, as a start that copied it and stopped before deleting it leaves it.
            foreach (var team in new[] { mine.TeamId, theirs.TeamId })
            {
                var own = collections.RecordsOf(team);
                var documents = await own.Find(FilterDefinition<BsonDocument>.Empty).ToListAsync();
                await collections.SharedRecords.InsertManyAsync(documents);
                await collections.Database.DropCollectionAsync(TeamRecords.NameFor(team));
            }
            await collections.RecordsOf(mine.TeamId).InsertOneAsync(
                await collections.SharedRecords.Find(new BsonDocument { { "teamId", mine.TeamId }, { "key", "o2" } }).SingleAsync());

            await initializer.InitializeAsync(CancellationToken.None);

            var names = await (await collections.Database.ListCollectionNamesAsync()).ToListAsync();
            Assert.DoesNotContain("records", names);
            Assert.Equal(3, await collections.RecordsOf(mine.TeamId).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty));
            Assert.Equal(1, await collections.RecordsOf(theirs.TeamId).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty));
            Assert.Equal(["o2", "o3", "o1"], await PageAsync(mine, orders.Id, null));
            Assert.Equal(["o2", "o1"], await PageAsync(mine, orders.Id, "invoice"));
            Assert.Equal(["i1"], await PageAsync(theirs, items.Id, "invoice"));
            Assert.Contains(index, await IndexNamesAsync(collections, mine.TeamId));
            Assert.DoesNotContain(index, await IndexNamesAsync(collections, theirs.TeamId));
            var states = await mine.FieldIndexes.StatesAsync(await mine.FieldIndexes.ListAsync(CancellationToken.None), CancellationToken.None);
            Assert.Equal(FieldIndexStatus.Ready, states[index].Status);
        });
    }

    private static async Task<List<string>> IndexNamesAsync(MongoCollections collections, string teamId) =>
        (await (await collections.RecordsOf(teamId).Indexes.ListAsync()).ToListAsync()).Select(i => i["name"].AsString).ToList();

    private static async Task SyncAsync(ITeamStore team, string modelId, params (string Id, int Amount, string Note)[] records) =>
        Assert.Empty((await SeededRecordStore.RecordService.SyncAsync(team, modelId, records
            .Select(r => new RecordInput(new JsonObject { ["id"] = r.Id, ["amount"] = r.Amount, ["note"] = r.Note })).ToList(),
            CancellationToken.None)).Value!.Errors);

    private static async Task<string[]> PageAsync(ITeamStore team, string modelId, string? search)
    {
        var query = SeededRecordStore.QueryBuilder.Build(null, QueryJson.Order("""[{"field":"amount","direction":"DESC"}]"""), search,
            new PageInput(First: 10)).Value!;
        return (await team.Records.QueryAsync(modelId, query, CancellationToken.None)).Records.Select(r => r.Key).ToArray();
    }
}
