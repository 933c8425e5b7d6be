using Gather.Infrastructure.Relationships;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// One team's relationships in the <c>relationships</c> collection:
/// <c>{_id, teamId, name, inverseName, fromModelId, fromField, toModelId, toField, kind, createdAt}</c>.
/// </summary>
internal sealed class MongoRelationshipStore(MongoCollections collections, string teamId)
    : MongoDocuments<Relationship, BsonDocument>(collections.Relationships, teamId, Mapping), IRelationshipStore
{
    public const string Collection = "relationships";

    /// <summary>A name is unique on its side: per from model for names, per to model for inverse names.</summary>
    public static IEnumerable<CreateIndexModel<BsonDocument>> Indexes =>
    [
        new(new BsonDocument { { "teamId", 1 }, { "fromModelId", 1 }, { "name", 1 } },
            new CreateIndexOptions { Name = "teamId_fromModelId_name_unique", Unique = true }),
        new(new BsonDocument { { "teamId", 1 }, { "toModelId", 1 }, { "inverseName", 1 } },
            new CreateIndexOptions { Name = "teamId_toModelId_inverseName_unique", Unique = true }),
    ];

    /// <summary>Standard relationships first, then by name.</summary>
    private static readonly MongoDocumentKind<Relationship, BsonDocument> Mapping = new("relationship", r => r.TeamId,
        r => new BsonDocument
        {
            { "_id", r.Id }, { "teamId", r.TeamId }, { "name", r.Name }, { "inverseName", r.InverseName }, { "fromModelId", r.FromModelId },
            { "fromField", r.FromField }, { "toModelId", r.ToModelId }, { "toField", r.ToField }, { "kind", r.Kind.ToString() },
            { "createdAt", r.CreatedAt.UtcDateTime },
        },
        d => new Relationship(d["_id"].AsString, d["teamId"].AsString, d["name"].AsString, d["inverseName"].AsString,
            d["fromModelId"].AsString, d["fromField"].AsString, d["toModelId"].AsString, d["toField"].AsString,
            Enum.Parse<RelationshipKind>(d["kind"].AsString), new DateTimeOffset(d["createdAt"].ToUniversalTime())),
        new BsonDocument { { "name", 1 }, { "_id", 1 } },
        r => $"A relationship named '{r.Name}' or '{r.InverseName}' already exists on its model.")
    {
        StandardFirstBy = "kind",
    };

    /// <summary>A deleted model's relationships go with it (SQLite's foreign keys do the same).</summary>
    public static BsonDocument OfModel(string teamId, string modelId) => new()
    {
        { "teamId", teamId }, { "$or", new BsonArray { new BsonDocument("fromModelId", modelId), new BsonDocument("toModelId", modelId) } },
    };
}
