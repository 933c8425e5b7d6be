using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// Records live in the <c>records</c> collection as plain BSON documents (their fields are the
/// team's own), shaped <c>{ teamId, modelId, key, data, linked, search, createdAt, updatedAt,
/// version, writeId }</c>. Field names used by the adapter are here.
/// </summary>
internal static class RecordDocument
{
    public const string Collection = "records";

    public const string TeamId = "teamId", ModelId = "modelId", Key = "key", Data = "data", Linked = "linked",
        Search = "search", CreatedAt = "createdAt", UpdatedAt = "updatedAt", Version = "version";

    /// <summary>
    /// The unique key is the upsert target and the shard key candidate (teamId, modelId, key).
    /// The compound wildcard index (MongoDB 7.0+) serves equality and range filters on any data
    /// field within one model; MongoDB picks it per query. It serves no page's sort (each ends
    /// with the key, which it lacks): the field indexes teams hold do (<see cref="MongoRecordIndexes"/>).
    /// </summary>
    public static IEnumerable<CreateIndexModel<BsonDocument>> Indexes =>
    [
        new(new BsonDocument { { TeamId, 1 }, { ModelId, 1 }, { Key, 1 } },
            new CreateIndexOptions { Name = "teamId_modelId_key_unique", Unique = true }),
        new(new BsonDocument { { TeamId, 1 }, { ModelId, 1 }, { Data + ".$**", 1 } },
            new CreateIndexOptions { Name = "teamId_modelId_data_wildcard" }),
    ];
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
