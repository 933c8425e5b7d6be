using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Security;
using MongoDB.Bson;
using Gather.Infrastructure.Teams;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>Converts between domain records and their MongoDB documents.</summary>
internal static class MongoDocumentMapping
{
    public static TeamDocument ToDocument(this Team team) =>
        new() { Id = team.Id, Name = team.Name, CreatedAt = team.CreatedAt.UtcDateTime };

    public static Team ToDomain(this TeamDocument document) =>
        new(document.Id, document.Name, ToOffset(document.CreatedAt));

    public static ApiKeyDocument ToDocument(this ApiKey key) => new()
    {
        Id = key.Id,
        TeamId = key.TeamId,
        Name = key.Name,
        SecretHash = key.SecretHash,
        Preview = key.Preview,
        Scopes = key.Scopes.Select(s => s.ToWireName()).ToArray(),
        CreatedAt = key.CreatedAt.UtcDateTime,
        RevokedAt = key.RevokedAt?.UtcDateTime,
    };

    public static ApiKey ToDomain(this ApiKeyDocument document) => new(
        document.Id,
        document.TeamId,
        document.Name,
        document.SecretHash,
        document.Preview,
        document.Scopes.Select(s => ApiKeyScopes.TryParse(s, out var scope) ? scope
            : throw new InvalidDataException($"Unknown API key scope '{s}' in the store.")).ToArray(),
        ToOffset(document.CreatedAt),
        document.RevokedAt is { } revoked ? ToOffset(revoked) : null);

    public static ModelDocument ToDocument(this Model model) => new()
    {
        Id = model.Id,
        TeamId = model.TeamId,
        Name = model.Name,
        NameKey = model.Name.ToLowerInvariant(),
        Kind = model.Kind.ToString(),
        IdField = model.IdField,
        DeclaredFields = model.DeclaredFields.Select(f => new DeclaredFieldDocument { Path = f.Path, Type = f.Type.ToString() }).ToArray(),
        CreatedAt = model.CreatedAt.UtcDateTime,
        UpdatedAt = model.UpdatedAt.UtcDateTime,
        SettledFields = model.SettledFields.Select(f => new SettledFieldDocument { FieldPath = f.Path, FieldKind = f.Kind.ToString() }).ToArray(),
    };

    public static Model ToDomain(this ModelDocument document) => new(
        document.Id,
        document.TeamId,
        document.Name,
        Enum.Parse<ModelKind>(document.Kind),
        document.IdField,
        document.DeclaredFields.Select(f => new DeclaredField(f.Path, Enum.Parse<FieldType>(f.Type))).ToList(),
        ToOffset(document.CreatedAt),
        ToOffset(document.UpdatedAt))
    {
        SettledFields = (document.SettledFields ?? []).Select(f => new SettledField(f.FieldPath, Enum.Parse<ValueKind>(f.FieldKind))).ToList(),
    };

    public static BsonDocument ToDocument(this StoredRecord record, string teamId)
    {
        var search = record.SearchText;
        return new()
        {
            { RecordDocument.TeamId, teamId },
            { RecordDocument.ModelId, record.ModelId },
            { RecordDocument.Key, record.Key },
            { RecordDocument.Data, MongoJson.ToBson(record.Data) },
            { RecordDocument.Linked, MongoJson.ToBson(record.Linked) },
            { RecordDocument.Search, search },
            { RecordDocument.SearchGrams, RecordDocument.GramsOf(search) },
            { RecordDocument.CreatedAt, record.CreatedAt.UtcDateTime },
            { RecordDocument.UpdatedAt, record.UpdatedAt.UtcDateTime },
            { RecordDocument.Version, record.Version },
        };
    }

    public static StoredRecord ToRecord(this BsonDocument document) => new(
        document[RecordDocument.ModelId].AsString,
        document[RecordDocument.Key].AsString,
        MongoJson.ToJson(document[RecordDocument.Data].AsBsonDocument),
        MongoJson.ToJson(document[RecordDocument.Linked].AsBsonDocument),
        ToOffset(document[RecordDocument.CreatedAt].ToUniversalTime()),
        ToOffset(document[RecordDocument.UpdatedAt].ToUniversalTime()),
        document[RecordDocument.Version].ToInt64());

    private static DateTimeOffset ToOffset(DateTime value) =>
        new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
