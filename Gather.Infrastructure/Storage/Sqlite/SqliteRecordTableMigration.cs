using Gather.Infrastructure.Indexes;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// Moves the records of the one shared <c>records</c> table into a table per team
/// (<see cref="SqliteRecordTable"/>). Row ids are kept, so the search index and its pending list,
/// which name rows by id, stay true without indexing anything again. Every registered field index is built again on its
/// team's table, under its own name, once the shared table (and its indexes) is gone.
/// </summary>
internal static class SqliteRecordTableMigration
{
    public static readonly SqliteMigration Step = new("-- Records move to a table per team.", RunAsync);

    private const string Columns = "team_id, model_id, key, data, linked, search, linked_search, created_at, updated_at, version";

    private static async Task RunAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var teams = new List<string>();
        await using (var read = transaction.Command("SELECT id FROM teams ORDER BY id"))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                teams.Add(reader.GetString(0));

        foreach (var team in teams)
            await ExecuteAsync(transaction, SqliteRecordTable.Create(team) +
                $"INSERT INTO {SqliteRecordTable.For(team)} (rowid, {Columns}) SELECT rowid, {Columns} FROM records WHERE team_id = $team;",
                cancellationToken, ("$team", team));
        // With the table go its search triggers: writes note their rows themselves now (SqliteSearchPending).
        await ExecuteAsync(transaction, "DROP TABLE records; DELETE FROM sqlite_stat1 WHERE tbl = 'records';", cancellationToken);

        var indexes = new List<(string Name, string Team, FieldIndexKey Key)>();
        await using (var read = transaction.Command("SELECT name, team_id, model_id, fields FROM field_indexes ORDER BY name"))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                indexes.Add((reader.GetString(0), reader.GetString(1), SqliteFieldIndexStore.ReadKey(reader, 2)));
        foreach (var (name, team, key) in indexes)
            await ExecuteAsync(transaction, SqliteFieldIndexStore.CreateIndexSql(team, name, key), cancellationToken);
        await ExecuteAsync(transaction, "ANALYZE sqlite_schema;", cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteTransaction transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = transaction.Once(sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
