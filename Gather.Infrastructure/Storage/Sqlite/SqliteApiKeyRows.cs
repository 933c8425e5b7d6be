using Gather.Infrastructure.Security;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>Maps the <c>api_keys</c> table to <see cref="ApiKey"/>.</summary>
internal static class SqliteApiKeyRows
{
    /// <summary>Secrets are unique across teams (<c>secret_hash UNIQUE</c>): authentication finds a key by its hash alone.</summary>
    public static readonly SqliteDocumentTable<ApiKey> Table = new("api_keys", "API key", k => k.TeamId,
        k =>
        [
            ("id", k.Id), ("team_id", k.TeamId), ("name", k.Name), ("secret_hash", k.SecretHash), ("preview", k.Preview),
            ("scopes", FormatScopes(k.Scopes)), ("created_at", k.CreatedAt.ToUnixMilliseconds()), ("revoked_at", k.RevokedAt?.ToUnixMilliseconds()),
        ],
        "id, team_id, name, secret_hash, preview, scopes, created_at, revoked_at", Read, "created_at DESC, id DESC",
        k => $"API key '{k.Id}' or its secret already exists.");

    private static ApiKey Read(SqliteDataReader reader) => new(
        Id: reader.GetString(0),
        TeamId: reader.GetString(1),
        Name: reader.GetString(2),
        SecretHash: reader.GetString(3),
        Preview: reader.GetString(4),
        Scopes: ParseScopes(reader.GetString(5)),
        CreatedAt: reader.ReadTime(6),
        RevokedAt: reader.ReadOptionalTime(7));

    private static string FormatScopes(IEnumerable<ApiKeyScope> scopes) =>
        string.Join(',', scopes.Select(s => s.ToWireName()));

    private static ApiKeyScope[] ParseScopes(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => ApiKeyScopes.TryParse(s, out var scope) ? scope
                : throw new InvalidDataException($"Unknown API key scope '{s}' in the store."))
            .ToArray();
}
