using System.Security.Cryptography;
using System.Text;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// Each team's records sit in a table of their own, created with the team. SQLite keeps every
/// index of a table up to date on every write to it, even a partial index whose WHERE the row
/// fails (it still tests the WHERE), so with one table shared by all teams a team's writes
/// slowed down with every other team's field indexes: beside four teams holding 20 indexes
/// each, to about half. With a table per team a write meets its own team's indexes only.
/// <para>
/// The rows keep <c>team_id</c>, and every statement still names it: the foreign key to the
/// team's model needs it, and a statement sent to the wrong table would still find nothing of
/// another team's. The name is a digest of the team id, so it needs no lookup and is a safe
/// identifier whatever the id holds.
/// </para>
/// </summary>
internal static class SqliteRecordTable
{
    /// <summary>What every team's table name starts with (and only theirs: the search index is <c>record_search</c>).</summary>
    public const string Prefix = "records_";

    public static string For(string teamId) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(teamId)))[..20];

    /// <summary>The table, its key index, and the planner's picture of it; the search triggers come apart (<see cref="Triggers"/>).</summary>
    public static string Create(string teamId)
    {
        var table = For(teamId);
        return $"""
            CREATE TABLE IF NOT EXISTS {table} (
                team_id       TEXT    NOT NULL,
                model_id      TEXT    NOT NULL,
                key           TEXT    NOT NULL,
                data          BLOB    NOT NULL,
                linked        TEXT    NOT NULL,
                search        TEXT    NOT NULL,
                created_at    INTEGER NOT NULL,
                updated_at    INTEGER NOT NULL,
                version       INTEGER NOT NULL,
                linked_search TEXT    NOT NULL DEFAULT '',
                FOREIGN KEY (team_id, model_id) REFERENCES models (team_id, id) ON DELETE CASCADE
            );
            CREATE UNIQUE INDEX IF NOT EXISTS ux_{table}_key ON {table} (team_id, model_id, key);
            {Statistics(table)}
            """;
    }

    /// <summary>
    /// The planner's picture of the table (sqlite_stat1, read back by <c>ANALYZE sqlite_schema</c>):
    /// one team, whose models narrow it to a quarter, no further. Field indexes lead with the field
    /// (their WHERE fixes the model), and the planner, which without statistics ranks an index by
    /// the columns a query matches, would otherwise read a model through the key index and sort it
    /// rather than use the field index a view holds. Stated, not measured: ANALYZE would measure one
    /// moment of the team's data.
    /// </summary>
    private static string Statistics(string table) => $"""
        ANALYZE sqlite_schema;
        DELETE FROM sqlite_stat1 WHERE tbl = '{table}';
        INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('{table}', 'ux_{table}_key', '10000 10000 2500 1');
        ANALYZE sqlite_schema;
        """;

    /// <summary>
    /// The search index's bookkeeping (<see cref="SqliteSearchSql"/>): each write notes its row in
    /// <c>search_pending</c>, inside the writing transaction, for the indexer to take in.
    /// </summary>
    public static string Triggers(string teamId)
    {
        var table = For(teamId);
        return $"""
            CREATE TRIGGER IF NOT EXISTS {table}_search_insert AFTER INSERT ON {table} BEGIN
                SELECT RAISE(ABORT, 'records.rowid is beyond the search index range') WHERE new.rowid > {SqliteSearchSql.RowMask};
                INSERT INTO search_scopes (team_id, model_id) VALUES (new.team_id, new.model_id) ON CONFLICT DO NOTHING;
                INSERT INTO search_pending (scope_id, row)
                    SELECT s.id, new.rowid FROM search_scopes AS s WHERE s.team_id = new.team_id AND s.model_id = new.model_id
                    ON CONFLICT DO NOTHING;
            END;
            CREATE TRIGGER IF NOT EXISTS {table}_search_update AFTER UPDATE OF search, linked_search ON {table}
            WHEN old.search IS NOT new.search OR old.linked_search IS NOT new.linked_search BEGIN
                INSERT INTO search_pending (scope_id, row)
                    SELECT s.id, old.rowid FROM search_scopes AS s WHERE s.team_id = old.team_id AND s.model_id = old.model_id
                    ON CONFLICT DO NOTHING;
            END;
            CREATE TRIGGER IF NOT EXISTS {table}_search_delete AFTER DELETE ON {table} BEGIN
                INSERT INTO search_pending (scope_id, row)
                    SELECT s.id, old.rowid FROM search_scopes AS s WHERE s.team_id = old.team_id AND s.model_id = old.model_id
                    ON CONFLICT DO NOTHING;
            END;
            """;
    }

    /// <summary>A new team's table, ready for writes.</summary>
    public static string CreateWithTriggers(string teamId) => Create(teamId) + "\n" + Triggers(teamId);
}
