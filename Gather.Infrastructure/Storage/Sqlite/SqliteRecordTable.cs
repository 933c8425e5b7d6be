namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// A team's own records table (<see cref="TeamRecords"/>), created with the team. With one table
/// for all teams, SQLite kept every team's field indexes up to date on each write, so beside four
/// teams holding 20 indexes each a team's syncs ran at about 0.6× their quiet rate.
/// </summary>
internal static class SqliteRecordTable
{
    public static string For(string teamId) => TeamRecords.NameFor(teamId);

    /// <summary>
    /// The table, its key index, and the planner's picture of it. No triggers: writes note their
    /// rows for the search index themselves (<see cref="SqliteSearchPending"/>), which keeps a
    /// team's share of the schema small.
    /// </summary>
    public static string Create(string teamId)
    {
        var table = For(teamId);
        return $"""
            CREATE TABLE IF NOT EXISTS {table} (
                team_id       TEXT    NOT NULL,
                model_id      TEXT    NOT NULL,
                key           TEXT    NOT NULL,
                data          TEXT    NOT NULL,
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
}
