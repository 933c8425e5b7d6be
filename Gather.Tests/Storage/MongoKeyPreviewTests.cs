using Gather.Infrastructure.Storage.MongoDb;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Tests.Storage;

/// <summary>
/// On MongoDB too, a key preview stored when previews held 12 characters is cut to the last 4
/// when the store initialises (SQLite's side: <c>ApiKeyRevocationAndPreviewTests</c>).
/// </summary>
public sealed class MongoKeyPreviewTests(MongoServer server) : IClassFixture<MongoServer>
{
    [SkippableFact]
    public async Task A_long_stored_preview_is_cut_to_the_last_4_characters_at_start_up()
    {
        await server.WithDatabaseAsync(async (collections, initializer) =>
        {
            var raw = collections.Database.GetCollection<BsonDocument>(ApiKeyDocument.Collection);
            await raw.InsertManyAsync([Key("old", "gth_abcd…wxyz"), Key("new", "…wxyz"), Key("short", "…")]);

            await initializer.InitializeAsync(CancellationToken.None);

            var previews = (await raw.Find(FilterDefinition<BsonDocument>.Empty).ToListAsync())
                .ToDictionary(d => d["_id"].AsString, d => d["preview"].AsString);
            Assert.Equal(new Dictionary<string, string> { ["old"] = "…wxyz", ["new"] = "…wxyz", ["short"] = "…" }, previews);
        });
    }

    private static BsonDocument Key(string id, string preview) => new()
    {
        { "_id", id }, { "teamId", "team_1" }, { "name", id }, { "secretHash", "hash_" + id }, { "preview", preview },
        { "scopes", new BsonArray { "admin" } }, { "createdAt", DateTime.UtcNow },
    };
}
