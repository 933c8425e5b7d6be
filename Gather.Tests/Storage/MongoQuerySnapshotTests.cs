using Gather.Infrastructure.Storage.MongoDb;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using Snapshooter.Xunit;

namespace Gather.Tests.Storage;

/// <summary>
/// What the MongoDB adapter sends, rendered to JSON without a server: index definitions and
/// every filter, sort and update. A change to any of them shows as a snapshot diff.
/// </summary>
public sealed class MongoQuerySnapshotTests
{
    private static readonly DateTime At = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    private static RenderArgs<T> Args<T>() => new(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry);

    private static string Json(BsonDocument document) =>
        document.ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.RelaxedExtendedJson });

    private static object Index<T>(CreateIndexModel<T> model) => new
    {
        name = model.Options.Name,
        unique = model.Options.Unique ?? false,
        keys = Json(model.Keys.Render(Args<T>())),
    };

    [Fact]
    public void Index_definitions_match_the_snapshot()
    {
        var indexes = new
        {
            teams = TeamDocument.Indexes.Select(Index).ToList(),
            apiKeys = ApiKeyDocument.Indexes.Select(Index).ToList(),
            models = ModelDocument.Indexes.Select(Index).ToList(),
            records = RecordDocument.Indexes.Select(Index).ToList(),
            modelFieldStats = FieldStatDocument.Indexes.Select(Index).ToList(),
            relationships = MongoRelationshipStore.Indexes.Select(Index).ToList(),
            views = MongoViewStore.Indexes.Select(Index).ToList(),
            integrations = MongoIntegrationStore.Indexes.Select(Index).ToList(),
        };

        Snapshot.Match(indexes);
    }

    [Fact]
    public void Filters_sorts_and_updates_match_the_snapshot()
    {
        var queries = new Dictionary<string, string>
        {
            ["apiKeyBySecretHash"] = Json(MongoQueries.ApiKeyBySecretHash("abc123").Render(Args<ApiKeyDocument>())),
            ["apiKeysOfTeam"] = Json(MongoQueries.ApiKeysOfTeam("team_1").Render(Args<ApiKeyDocument>())),
            ["apiKeyById"] = Json(MongoQueries.ApiKeyById("team_1", "key_1").Render(Args<ApiKeyDocument>())),
            ["unrevokedApiKeyById"] = Json(MongoQueries.UnrevokedApiKeyById("team_1", "key_1").Render(Args<ApiKeyDocument>())),
            ["revoke"] = Json(MongoQueries.Revoke(At).Render(Args<ApiKeyDocument>()).AsBsonDocument),
            ["newestApiKeysFirst"] = Json(MongoQueries.NewestApiKeysFirst.Render(Args<ApiKeyDocument>())),
            ["teamById"] = Json(MongoQueries.TeamById("team_1").Render(Args<TeamDocument>())),
            ["oldestTeamFirst"] = Json(MongoQueries.OldestTeamFirst.Render(Args<TeamDocument>())),
        };

        Snapshot.Match(queries);
    }

    [Fact]
    public void Every_team_scoped_api_key_filter_names_the_team()
    {
        var filters = new[]
        {
            MongoQueries.ApiKeysOfTeam("team_1"), MongoQueries.ApiKeyById("team_1", "key_1"),
            MongoQueries.UnrevokedApiKeyById("team_1", "key_1"),
        };

        Assert.All(filters, f => Assert.Equal("team_1", f.Render(Args<ApiKeyDocument>())["teamId"].AsString));
    }
}
