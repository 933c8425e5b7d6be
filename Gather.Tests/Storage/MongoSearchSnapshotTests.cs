using Gather.Infrastructure.Records;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Storage.MongoDb;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using Snapshooter.Xunit;

namespace Gather.Tests.Storage;

/// <summary>
/// What search sends to MongoDB, rendered without a server: the createIndexes command of the
/// trigram index, the trigrams a record stores, and the filter of searches of every shape.
/// </summary>
public sealed class MongoSearchSnapshotTests
{
    private static string Json(BsonDocument document) =>
        document.ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.RelaxedExtendedJson });

    private static readonly RenderArgs<BsonDocument> Args = new(BsonSerializer.LookupSerializer<BsonDocument>(), BsonSerializer.SerializerRegistry);

    [Fact]
    public void The_search_index_is_created_as_in_the_snapshot()
    {
        var index = RecordDocument.Indexes.Single(i => i.Options.Name == "teamId_modelId_searchGrams");
        var command = new BsonDocument
        {
            { "createIndexes", TeamRecords.NameFor("team_1") },
            { "indexes", new BsonArray { new BsonDocument { { "key", index.Keys.Render(Args) }, { "name", index.Options.Name } } } },
        };

        Snapshot.Match(Json(command));
    }

    [Fact]
    public void Search_filters_and_stored_trigrams_render_as_in_the_snapshot()
    {
        var searches = new[] { "Invoice", "paid rush", "ok", "ok invoice", "a\u0000bcd", "x😀yz", "say\"hi\"" };
        var rendered = searches.ToDictionary(s => s, s => Json(MongoRecordQueries.Matching("team_1", "model_1", null, SearchText.Terms(s))));
        rendered["stored: Zürich\\nline 1"] = RecordDocument.GramsOf(SearchText.Fold("Zürich\nline 1")).ToJson();
        rendered["stored: more than the limit"] = RecordDocument.GramsOf(string.Concat(Enumerable.Range(0, RecordDocument.MaxSearchGrams + 5).Select(i => (char)(0x4e00 + i)))).ToJson();

        Snapshot.Match(rendered);
    }
}
