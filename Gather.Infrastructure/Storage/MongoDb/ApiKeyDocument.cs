using Gather.Infrastructure.Security;
using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>An API key in the <c>apiKeys</c> collection; only the secret's hash is stored.</summary>
internal sealed class ApiKeyDocument
{
    public const string Collection = "apiKeys";

    [BsonId] public required string Id { get; init; }
    [BsonElement("teamId")] public required string TeamId { get; init; }
    [BsonElement("name")] public required string Name { get; init; }
    [BsonElement("secretHash")] public required string SecretHash { get; init; }
    [BsonElement("preview")] public required string Preview { get; init; }
    [BsonElement("scopes")] public required string[] Scopes { get; init; }
    [BsonElement("createdAt")] public required DateTime CreatedAt { get; init; }
    [BsonElement("revokedAt"), BsonIgnoreIfNull] public DateTime? RevokedAt { get; init; }

    /// <summary>
    /// Authentication looks keys up by hash (unique: two keys can never share a secret);
    /// listing a team's keys reads them newest first.
    /// </summary>
    public static IEnumerable<CreateIndexModel<ApiKeyDocument>> Indexes =>
    [
        new(Builders<ApiKeyDocument>.IndexKeys.Ascending(k => k.SecretHash),
            new CreateIndexOptions { Name = "secretHash_unique", Unique = true }),
        new(Builders<ApiKeyDocument>.IndexKeys.Ascending(k => k.TeamId).Descending(k => k.CreatedAt).Descending(k => k.Id),
            new CreateIndexOptions { Name = "teamId_createdAt" }),
    ];

    /// <summary>Newest first; a duplicate key is a taken id or secret.</summary>
    public static readonly MongoDocumentKind<ApiKey, ApiKeyDocument> Mapping = new("API key", k => k.TeamId, From, d => d.ToDomain(),
        MongoQueries.NewestApiKeysFirst, k => $"API key '{k.Id}' or its secret already exists.");

    public static ApiKeyDocument From(ApiKey key) => new()
    {
        Id = key.Id, TeamId = key.TeamId, Name = key.Name, SecretHash = key.SecretHash, Preview = key.Preview,
        Scopes = key.Scopes.Select(s => s.ToWireName()).ToArray(), CreatedAt = key.CreatedAt.UtcDateTime, RevokedAt = key.RevokedAt?.UtcDateTime,
    };

    public ApiKey ToDomain() => new(Id, TeamId, Name, SecretHash, Preview,
        Scopes.Select(s => ApiKeyScopes.TryParse(s, out var scope) ? scope
            : throw new InvalidDataException($"Unknown API key scope '{s}' in the store.")).ToArray(),
        new(CreatedAt.Ticks, TimeSpan.Zero), RevokedAt is { } revoked ? new DateTimeOffset(revoked.Ticks, TimeSpan.Zero) : null);
}
