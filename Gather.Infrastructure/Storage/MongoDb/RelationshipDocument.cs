using Gather.Infrastructure.Relationships;
using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>A relationship in the <c>relationships</c> collection.</summary>
internal sealed class RelationshipDocument
{
    public const string Collection = "relationships";

    [BsonId] public required string Id { get; init; }
    [BsonElement("teamId")] public required string TeamId { get; init; }
    [BsonElement("name")] public required string Name { get; init; }
    [BsonElement("inverseName")] public required string InverseName { get; init; }
    [BsonElement("fromModelId")] public required string FromModelId { get; init; }
    [BsonElement("fromField")] public required string FromField { get; init; }
    [BsonElement("toModelId")] public required string ToModelId { get; init; }
    [BsonElement("toField")] public required string ToField { get; init; }
    [BsonElement("kind")] public required string Kind { get; init; }
    [BsonElement("createdAt")] public required DateTime CreatedAt { get; init; }

    /// <summary>A name is unique on its side: per from model for names, per to model for inverse names.</summary>
    public static IEnumerable<CreateIndexModel<RelationshipDocument>> Indexes =>
    [
        new(Builders<RelationshipDocument>.IndexKeys.Ascending(r => r.TeamId).Ascending(r => r.FromModelId).Ascending(r => r.Name),
            new CreateIndexOptions { Name = "teamId_fromModelId_name_unique", Unique = true }),
        new(Builders<RelationshipDocument>.IndexKeys.Ascending(r => r.TeamId).Ascending(r => r.ToModelId).Ascending(r => r.InverseName),
            new CreateIndexOptions { Name = "teamId_toModelId_inverseName_unique", Unique = true }),
    ];

    /// <summary>Standard relationships first, then by name.</summary>
    public static readonly MongoDocumentKind<Relationship, RelationshipDocument> Mapping = new("relationship", r => r.TeamId, r => r.Id,
        From, d => d.ToDomain(), Builders<RelationshipDocument>.Sort.Ascending(r => r.Name).Ascending(r => r.Id),
        r => $"A relationship named '{r.Name}' or '{r.InverseName}' already exists on its model.")
    {
        StandardFirstBy = "kind",
    };

    public static RelationshipDocument From(Relationship r) => new()
    {
        Id = r.Id, TeamId = r.TeamId, Name = r.Name, InverseName = r.InverseName, FromModelId = r.FromModelId,
        FromField = r.FromField, ToModelId = r.ToModelId, ToField = r.ToField, Kind = r.Kind.ToString(),
        CreatedAt = r.CreatedAt.UtcDateTime,
    };

    public Relationship ToDomain() => new(Id, TeamId, Name, InverseName, FromModelId, FromField, ToModelId, ToField,
        Enum.Parse<RelationshipKind>(Kind), new DateTimeOffset(DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc)));
}
