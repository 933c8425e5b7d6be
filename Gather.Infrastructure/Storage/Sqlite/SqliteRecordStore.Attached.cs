using System.Buffers;
using System.Text;
using System.Text.Json;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>Attached data: a page of snapshots written onto the records that name them, in one statement.</summary>
internal sealed partial class SqliteRecordStore
{
    public async Task<int> AttachAsync(string modelId, FieldPath field, string section, IReadOnlyList<AttachedSnapshot> snapshots,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (snapshots.Count == 0)
            return 0;
        // AttachedData.TryApply's rule in SQL, so that a page is one statement with no call back
        // into .NET per record: a newer state held is kept, the same snapshot again changes
        // nothing. Each snapshot's search text is computed here once; it is all of a record's
        // attached text, as a record has one attached section (AttachedData.IsSection).
        var page = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(page))
        {
            writer.WriteStartArray();
            foreach (var snapshot in snapshots)
            {
                writer.WriteStartObject();
                writer.WriteString("id", snapshot.Id);
                writer.WriteNumber("asOf", snapshot.AsOf);
                writer.WritePropertyName("value");
                snapshot.Value.WriteTo(writer);
                writer.WriteString("search", SearchText.Of(snapshot.Value));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        var sql = string.Join(";\n", AttachStatements(teamId, modelId, field));
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var command = transaction.Command(sql, ("$team", teamId), ("$model", modelId), ("$page", Encoding.UTF8.GetString(page.WrittenSpan)),
            ("$sectionPath", $"$.\"{section}\""), ("$asOfPath", $"$.\"{AttachedData.AsOf}\".\"{section}\""), ("$now", now.ToUnixMilliseconds()));
        var changed = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                changed++;
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    // The page drives the join (CROSS JOIN fixes that order) and finds each id's records through the
    // partial index the task holds on the field (SqliteFieldIndexStore); MATERIALIZED keeps the planner
    // from folding that join into the UPDATE's scan of the table. Without both, SQLite (no
    // statistics) scanned the model once per id: 1.4 s per page at 10,000 records. The team and model
    // are literals, as in the partial index's WHERE, so the statement visibly implies it: SQLite can
    // match bound values too (it re-plans once they are bound), but not where the query planner
    // stability guarantee (SQLITE_ENABLE_QPSG) is on.
    /// <summary>
    /// Attaching a page to the team's model, as one command: the rows it will change noted for the
    /// search index (<see cref="SqliteSearchPending"/>), then the update, which returns a row per
    /// record changed. Binds <c>$team</c>, <c>$model</c>, <c>$page</c> (the snapshots as JSON),
    /// <c>$sectionPath</c>, <c>$asOfPath</c> and <c>$now</c>.
    /// </summary>
    internal static IReadOnlyList<string> AttachStatements(string teamId, string modelId, FieldPath field)
    {
        var table = SqliteRecordTable.For(teamId);
        var changed = $"""
            WITH page AS (
                SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.asOf') AS as_of,
                       json(json_extract(value, '$.value')) AS snapshot, json_extract(value, '$.search') AS search
                FROM jsonb_each(jsonb($page))),
            changed AS MATERIALIZED (
                SELECT r.rowid AS row, page.snapshot, page.as_of, page.search
                FROM page CROSS JOIN {table} AS r ON {SqliteRecordSql.Ordered(field)} = page.id
                WHERE r.team_id = {SqliteRecordSql.IdLiteral(teamId)} AND r.model_id = {SqliteRecordSql.IdLiteral(modelId)}
                  AND coalesce(json_extract(r.linked, $asOfPath), -1) <= page.as_of
                  AND json_extract(r.linked, $sectionPath) IS NOT page.snapshot)
            """;
        return
        [
            SqliteSearchPending.EnsureScope,
            changed + "\n" + SqliteSearchPending.NoteRows("changed.row", "changed"),
            $"""
            {changed}
            UPDATE {table} SET linked = json_set({table}.linked, $sectionPath, json(changed.snapshot), $asOfPath, changed.as_of),
                linked_search = changed.search, version = {table}.version + 1, updated_at = $now
            FROM changed WHERE {table}.rowid = changed.row
            RETURNING rowid
            """,
        ];
    }

    public async Task<IReadOnlyList<string>> UnattachedIdsAsync(string modelId, FieldPath field, string section, int limit,
        CancellationToken cancellationToken)
    {
        var value = $"json_extract(data, {SqliteRecordSql.JsonPath(field)})";
        var sql = $"""
            SELECT DISTINCT {value} FROM {_table}
            WHERE team_id = $team AND model_id = $model AND json_type(data, {SqliteRecordSql.JsonPath(field)}) = 'text'
              AND json_extract(linked, $attachedId) IS NOT {value}
            LIMIT $limit
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, ("$team", teamId), ("$model", modelId),
            ("$attachedId", $"$.\"{section}\".id"), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetString(0));
        return ids;
    }
}
