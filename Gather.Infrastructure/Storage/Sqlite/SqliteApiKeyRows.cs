using Gather.Infrastructure.Security;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>Maps the <c>api_keys</c> table to <see cref="ApiKey"/>.</summary>
internal static class SqliteApiKeyRows
{
    public const string Columns = "id, team_id, name, secret_hash, preview, scopes, created_at, revoked_at";

    public static ApiKey Read(SqliteDataReader reader) => new(
        Id: reader.GetString(0),
        TeamId: reader.GetString(1),
        Name: reader.GetString(2),
        SecretHash: reader.GetString(3),
        Preview: reader.GetString(4),
        Scopes: ParseScopes(reader.GetString(5)),
        CreatedAt: reader.ReadTime(6),
        RevokedAt: reader.ReadOptionalTime(7));

    public static (string, object?)[] Parameters(ApiKey key) =>
    [
        ("$id", key.Id), ("$team", key.TeamId), ("$name", key.Name), ("$hash", key.SecretHash),
        ("$preview", key.Preview), ("$scopes", FormatScopes(key.Scopes)),
        ("$created", key.CreatedAt.ToUnixMilliseconds()), ("$revoked", key.RevokedAt?.ToUnixMilliseconds()),
    ];

    public const string Insert =
        "INSERT INTO api_keys (" + Columns + ") VALUES ($id, $team, $name, $hash, $preview, $scopes, $created, $revoked)";

    private static string FormatScopes(IEnumerable<ApiKeyScope> scopes) =>
        string.Join(',', scopes.Select(s => s.ToWireName()));

    private static ApiKeyScope[] ParseScopes(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => ApiKeyScopes.TryParse(s, out var scope) ? scope
                : throw new InvalidDataException($"Unknown API key scope '{s}' in the store."))
            .ToArray();
}
