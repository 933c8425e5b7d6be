namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// The schema as an append-only list of migrations; <c>PRAGMA user_version</c> records how
/// many have run. Never edit a shipped migration: add the next one.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<string> All =
    [
        """
        CREATE TABLE teams (
            id          TEXT    NOT NULL PRIMARY KEY,
            name        TEXT    NOT NULL,
            created_at  INTEGER NOT NULL
        );
        CREATE INDEX ix_teams_created ON teams (created_at, id);

        CREATE TABLE api_keys (
            id          TEXT    NOT NULL PRIMARY KEY,
            team_id     TEXT    NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
            name        TEXT    NOT NULL,
            secret_hash TEXT    NOT NULL UNIQUE,
            preview     TEXT    NOT NULL,
            scopes      TEXT    NOT NULL,
            created_at  INTEGER NOT NULL,
            revoked_at  INTEGER NULL
        );
        CREATE INDEX ix_api_keys_team ON api_keys (team_id, created_at DESC);
        """,
    ];
}
