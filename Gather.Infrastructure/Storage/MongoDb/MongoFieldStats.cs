using Gather.Infrastructure.Models;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>Filters and updates of the field-statistics collection.</summary>
internal static class MongoFieldStats
{
    public static BsonDocument OfModel(string teamId, string modelId) =>
        new() { { FieldStatDocument.TeamId, teamId }, { FieldStatDocument.ModelId, modelId } };

    public static BsonDocument OfPair(string teamId, string modelId, string path, ValueKind kind) =>
        new(OfModel(teamId, modelId)) { { FieldStatDocument.Path, path }, { FieldStatDocument.Kind, kind.ToString() } };

    public static BsonDocument Counted(string teamId, IEnumerable<string> modelIds) => new()
    {
        { FieldStatDocument.TeamId, teamId },
        { FieldStatDocument.ModelId, new BsonDocument("$in", new BsonArray(modelIds)) },
        { FieldStatDocument.Count, new BsonDocument("$gt", 0) },
    };

    /// <summary>One <c>$inc</c> upsert per (path, kind) whose count changed.</summary>
    public static IReadOnlyList<WriteModel<BsonDocument>> Increments(string teamId, string modelId,
        IReadOnlyDictionary<(string Path, ValueKind Kind), long> delta) =>
        delta.Where(d => d.Value != 0).Select(d => (WriteModel<BsonDocument>)new UpdateOneModel<BsonDocument>(
            OfPair(teamId, modelId, d.Key.Path, d.Key.Kind),
            new BsonDocument("$inc", new BsonDocument(FieldStatDocument.Count, d.Value))) { IsUpsert = true }).ToList();
}
