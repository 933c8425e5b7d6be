using Gather.Infrastructure.Models;
using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>A model in the <c>models</c> collection.</summary>
internal sealed class ModelDocument
{
    public const string Collection = "models";

    [BsonId] public required string Id { get; init; }
    [BsonElement("teamId")] public required string TeamId { get; init; }
    [BsonElement("name")] public required string Name { get; init; }
    /// <summary>The folded name: names are unique per team regardless of case.</summary>
    [BsonElement("nameKey")] public required string NameKey { get; init; }
    [BsonElement("kind")] public required string Kind { get; init; }
    [BsonElement("idField")] public required string IdField { get; init; }
    [BsonElement("declaredFields")] public required DeclaredFieldDocument[] DeclaredFields { get; init; }
    [BsonElement("createdAt")] public required DateTime CreatedAt { get; init; }
    [BsonElement("updatedAt")] public required DateTime UpdatedAt { get; init; }
    /// <summary>In the order the paths were first synced; absent on models stored before kinds were settled.</summary>
    [BsonElement("settledFields")] public SettledFieldDocument[]? SettledFields { get; init; }

    /// <summary>Names are unique per team; the same index serves listing a team's models by name.</summary>
    public static IEnumerable<CreateIndexModel<ModelDocument>> Indexes =>
    [
        new(Builders<ModelDocument>.IndexKeys.Ascending(m => m.TeamId).Ascending(m => m.NameKey),
            new CreateIndexOptions { Name = "teamId_nameKey_unique", Unique = true }),
    ];

    /// <summary>Standard models first, then by name; a duplicate key is a taken name (the only unique index besides <c>_id</c>).</summary>
    public static readonly MongoDocumentKind<Model, ModelDocument> Mapping = new("model", m => m.TeamId, From, d => d.ToDomain(),
        Builders<ModelDocument>.Sort.Ascending(m => m.NameKey).Ascending(m => m.Id), m => $"A model named '{m.Name}' already exists.")
    {
        Updatable = ["name", "nameKey", "declaredFields", "updatedAt"],
        StandardFirstBy = "kind",
    };

    public static ModelDocument From(Model model) => new()
    {
        Id = model.Id, TeamId = model.TeamId, Name = model.Name, NameKey = model.Name.ToLowerInvariant(), Kind = model.Kind.ToString(),
        IdField = model.IdField,
        DeclaredFields = model.DeclaredFields.Select(f => new DeclaredFieldDocument { Path = f.Path, Type = f.Type.ToString() }).ToArray(),
        CreatedAt = model.CreatedAt.UtcDateTime, UpdatedAt = model.UpdatedAt.UtcDateTime,
        SettledFields = model.SettledFields.Select(f => new SettledFieldDocument { FieldPath = f.Path, FieldKind = f.Kind.ToString() }).ToArray(),
    };

    public Model ToDomain() => new(Id, TeamId, Name, Enum.Parse<ModelKind>(Kind), IdField,
        DeclaredFields.Select(f => new DeclaredField(f.Path, Enum.Parse<FieldType>(f.Type))).ToList(),
        new(CreatedAt.Ticks, TimeSpan.Zero), new(UpdatedAt.Ticks, TimeSpan.Zero))
    {
        SettledFields = (SettledFields ?? []).Select(f => new SettledField(f.FieldPath, Enum.Parse<ValueKind>(f.FieldKind))).ToList(),
    };
}

internal sealed class SettledFieldDocument
{
    public const string Path = "path", Kind = "kind";

    [BsonElement(Path)] public required string FieldPath { get; init; }
    [BsonElement(Kind)] public required string FieldKind { get; init; }
}

internal sealed class DeclaredFieldDocument
{
    [BsonElement("path")] public required string Path { get; init; }
    [BsonElement("type")] public required string Type { get; init; }
}
