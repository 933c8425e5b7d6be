using Gather.Infrastructure.Records;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// Records live in their team's own collection (<see cref="TeamRecords"/>) as plain BSON documents
/// (their fields are the team's own), shaped <c>{ teamId, modelId, key, data, linked, search, createdAt, updatedAt,
/// version, writeId }</c>. Field names used by the adapter, and the mapping to and from <see cref="StoredRecord"/>, are here.
/// </summary>
internal static class RecordDocument
{
    /// <summary>The collection all teams' records shared before each team had its own.</summary>
    public const string SharedCollection = "records";

    public const string TeamId = "teamId", ModelId = "modelId", Key = "key", Data = "data", Linked = "linked",
        Search = "search", SearchGrams = "searchGrams", CreatedAt = "createdAt", UpdatedAt = "updatedAt", Version = "version";

    /// <summary>
    /// Most distinct trigrams a record's <see cref="SearchGrams"/> lists (about 40 KB of BSON and as
    /// many index keys). A record with more text stores null instead: searches then always take it
    /// as a candidate and the exact check decides, so it is found exactly as before, only without
    /// the index's help. Keeps one large record from costing thousands of index keys per write.
    /// </summary>
    public const int MaxSearchGrams = 2_000;

    /// <summary>
    /// The unique key is the upsert target and the shard key candidate (teamId, modelId, key).
    /// The compound wildcard index (MongoDB 7.0+) serves equality and range filters on any data
    /// field within one model; MongoDB picks it per query. It serves no page's sort (each ends
    /// with the key, which it lacks): the field indexes teams hold do (<see cref="MongoRecordIndexes"/>).
    /// The search index is multikey over each record's trigrams (<see cref="SearchGrams"/>), after
    /// the team and the model, so a search seeks its own model's records holding a trigram of the
    /// term: another team's records are never read, and a model's records without the term are not either.
    /// </summary>
    public static IEnumerable<CreateIndexModel<BsonDocument>> Indexes =>
    [
        new(new BsonDocument { { TeamId, 1 }, { ModelId, 1 }, { Key, 1 } },
            new CreateIndexOptions { Name = "teamId_modelId_key_unique", Unique = true }),
        new(new BsonDocument { { TeamId, 1 }, { ModelId, 1 }, { Data + ".$**", 1 } },
            new CreateIndexOptions { Name = "teamId_modelId_data_wildcard" }),
        new(new BsonDocument { { TeamId, 1 }, { ModelId, 1 }, { SearchGrams, 1 } },
            new CreateIndexOptions { Name = "teamId_modelId_searchGrams" }),
    ];

    /// <summary>
    /// The trigrams a record is found by: its folded text's distinct trigrams, or null past
    /// <see cref="MaxSearchGrams"/> (null, like a record written before the field existed, is
    /// always a candidate; see <see cref="MongoRecordQueries.Matching"/>).
    /// </summary>
    public static BsonValue GramsOf(string searchText) =>
        Records.SearchGrams.OfText(searchText) is { Count: <= MaxSearchGrams } grams ? new BsonArray(grams) : BsonNull.Value;

    public static BsonDocument ToDocument(this StoredRecord record, string teamId)
    {
        var search = record.SearchText;
        return new()
        {
            { TeamId, teamId },
            { ModelId, record.ModelId },
            { Key, record.Key },
            { Data, MongoJson.ToBson(record.Data) },
            { Linked, MongoJson.ToBson(record.Linked) },
            { Search, search },
            { SearchGrams, GramsOf(search) },
            { CreatedAt, record.CreatedAt.UtcDateTime },
            { UpdatedAt, record.UpdatedAt.UtcDateTime },
            { Version, record.Version },
        };
    }

    public static StoredRecord ToRecord(this BsonDocument document) => new(
        document[ModelId].AsString,
        document[Key].AsString,
        MongoJson.ToJson(document[Data].AsBsonDocument),
        MongoJson.ToJson(document[Linked].AsBsonDocument),
        new DateTimeOffset(document[CreatedAt].ToUniversalTime()),
        new DateTimeOffset(document[UpdatedAt].ToUniversalTime()),
        document[Version].ToInt64());
}

/// <summary>Field statistics in <c>modelFieldStats</c>: how many records of a model carry a path with a kind of value.</summary>
internal static class FieldStatDocument
{
    public const string Collection = "modelFieldStats";

    public const string TeamId = "teamId", ModelId = "modelId", Path = "path", Kind = "kind", Count = "count";

    public static IEnumerable<CreateIndexModel<BsonDocument>> Indexes =>
    [
        new(new BsonDocument { { TeamId, 1 }, { ModelId, 1 }, { Path, 1 }, { Kind, 1 } },
            new CreateIndexOptions { Name = "teamId_modelId_path_kind_unique", Unique = true }),
    ];
}
