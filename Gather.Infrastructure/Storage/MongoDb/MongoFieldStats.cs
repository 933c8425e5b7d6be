using Gather.Infrastructure.Models;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>Filters and updates of the field-statistics collection.</summary>
internal static class MongoFieldStats
{
    public static BsonDocument OfModel(string teamId, string modelId) =>
        new() { { FieldStatDocument.TeamId, teamId }, { FieldStatDocument.ModelId, modelId } };

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
            new BsonDocument(OfModel(teamId, modelId)) { { FieldStatDocument.Path, d.Key.Path }, { FieldStatDocument.Kind, d.Key.Kind.ToString() } },
            new BsonDocument("$inc", new BsonDocument(FieldStatDocument.Count, d.Value))) { IsUpsert = true }).ToList();
}
