using System.Text.Json.Nodes;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage.MongoDb;
using Gather.Infrastructure.Teams;
using Gather.Tests.Storage;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Tests.Records;

/// <summary>
/// On MongoDB the search index lists each record's trigrams; records without a list (written
/// before the list existed, or with more text than the list holds) are still found, by the exact check.
/// </summary>
public sealed class MongoSearchGramsTests(MongoSeededStore fixture) : IClassFixture<MongoSeededStore>
{
    [SkippableFact]
    public async Task Records_without_a_trigram_list_are_still_found()
    {
        var collections = await fixture.CreateCollectionsAsync();
        var store = new MongoStore(collections, Options.Create(MongoServer.StoreOptions), TimeProvider.System);
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(store);
        var large = string.Join(' ', Enumerable.Range(0, RecordDocument.MaxSearchGrams).Select(i => $"w{i:x5}"));
        Assert.Empty((await SeededRecordStore.RecordService.SyncAsync(team, model.Id,
        [
            new RecordInput(new JsonObject { ["id"] = "old", ["note"] = "legacy invoice" }),
            new RecordInput(new JsonObject { ["id"] = "new", ["note"] = "fresh invoice" }),
            new RecordInput(new JsonObject { ["id"] = "large", ["note"] = large + " invoice" }),
        ], CancellationToken.None)).Value!.Errors);
        // As a document written before the list existed.
        await collections.RecordsOf(team.TeamId).UpdateOneAsync(MongoRecordQueries.ByKey(team.TeamId, model.Id, "old"),
            new BsonDocument("$unset", new BsonDocument(RecordDocument.SearchGrams, "")));

        var stored = await collections.RecordsOf(team.TeamId).Find(MongoRecordQueries.OfModel(team.TeamId, model.Id)).ToListAsync();
        var invoice = await SearchAsync(team, model.Id, "INVOICE");
        var legacy = await SearchAsync(team, model.Id, "legacy");

        Assert.False(stored.Single(d => d[RecordDocument.Key] == "old").Contains(RecordDocument.SearchGrams));
        Assert.True(stored.Single(d => d[RecordDocument.Key] == "large")[RecordDocument.SearchGrams].IsBsonNull);
        Assert.Contains("voi", stored.Single(d => d[RecordDocument.Key] == "new")[RecordDocument.SearchGrams].AsBsonArray.Select(g => g.AsString));
        Assert.Equal(["large", "new", "old"], invoice);
        Assert.Equal(["old"], legacy);
    }

    private static async Task<string[]> SearchAsync(ITeamStore team, string modelId, string search)
    {
        var query = SeededRecordStore.QueryBuilder.Build(null, null, search, new PageInput(First: 10)).Value!;
        return (await team.Records.QueryAsync(modelId, query, CancellationToken.None)).Records.Select(r => r.Key).Order(StringComparer.Ordinal).ToArray();
    }
}
