using Gather.Infrastructure.Security;
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

    private static DateTimeOffset ToOffset(DateTime value) =>
        new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
