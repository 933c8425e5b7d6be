using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// Rows whose search text may have changed, noted in <c>search_pending</c> inside the transaction
/// that wrote them, for <see cref="SqliteSearchIndexer"/> to take into the search index
/// afterwards (a search reads its scope's pending rows too, so it never misses one). Each write
/// notes its own rows rather than triggers on the team's table: triggers are most of the text of
/// a team's share of the schema, which SQLite reads into every connection again after any schema
/// change.
/// </summary>
internal static class SqliteSearchPending
{
    /// <summary>The scope (team and model) the index's rowids name, created on the model's first write; binds <c>$team</c> and <c>$model</c>.</summary>
    public const string EnsureScope = "INSERT INTO search_scopes (team_id, model_id) VALUES ($team, $model) ON CONFLICT DO NOTHING";

    /// <summary>
    /// The statement noting, in the scope of <c>$team</c> and <c>$model</c>, the row ids <paramref name="row"/>
    /// gives over <paramref name="from"/> where <paramref name="where"/> holds; none when the scope does not exist.
    /// </summary>
    public static string NoteRows(string row, string from, string where = "true") =>
        $"INSERT INTO search_pending (scope_id, row) SELECT s.id, {row} FROM search_scopes AS s CROSS JOIN {from} " +
        $"WHERE s.team_id = $team AND s.model_id = $model AND {where} ON CONFLICT DO NOTHING";

    private static readonly string Note = EnsureScope + ";\n" + NoteRows("v.value", "json_each($rows) AS v");

    /// <summary>Notes <paramref name="rows"/> of the team's model; refuses a row id the index's rowid cannot hold.</summary>
    public static async Task NoteAsync(SqliteTransaction transaction, string teamId, string modelId, IReadOnlyCollection<long> rows,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return;
        if (rows.Any(row => row > SqliteSearchSql.RowMask))
            throw new InvalidOperationException(
                $"Team '{teamId}' has written more than {SqliteSearchSql.RowMask.ToString("N0", CultureInfo.InvariantCulture)} records: beyond the search index's range.");
        await using var command = transaction.Command(Note, ("$team", teamId), ("$model", modelId), ("$rows", JsonSerializer.Serialize(rows)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Notes every row of the team's model, before the model is deleted (its records go with it
    /// through the foreign key), so that the index lets their entries go.
    /// </summary>
    public static async Task NoteModelAsync(SqliteTransaction transaction, string teamId, string modelId, CancellationToken cancellationToken)
    {
        var table = SqliteRecordTable.For(teamId);
        await using var command = transaction.Command(NoteRows("r.rowid", $"{table} AS r", "r.team_id = $team AND r.model_id = $model"),
            ("$team", teamId), ("$model", modelId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
