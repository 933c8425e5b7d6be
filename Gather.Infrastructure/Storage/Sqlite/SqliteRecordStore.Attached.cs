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
        // attached text, as a record has one attached section (AttachedData.Sections).
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
        // The page drives the join (CROSS JOIN fixes that order) and finds each id's records through
        // the field's expression index (EnsureFieldIndexAsync); MATERIALIZED keeps the planner from
        // folding that join into the UPDATE's scan of the table. Without both, SQLite (no
        // statistics) scanned the model once per id: 1.4 s per page at 10,000 records.
        var sql = $"""
            WITH page AS (
                SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.asOf') AS as_of,
                       json(json_extract(value, '$.value')) AS snapshot, json_extract(value, '$.search') AS search
                FROM jsonb_each(jsonb($page))),
            changed AS MATERIALIZED (
                SELECT r.rowid AS row, page.snapshot, page.as_of, page.search
                FROM page CROSS JOIN records AS r
                  ON r.team_id = $team AND r.model_id = $model AND json_extract(r.data, {SqliteRecordSql.JsonPath(field)}) = page.id
                WHERE coalesce(json_extract(r.linked, $asOfPath), -1) <= page.as_of
                  AND json_extract(r.linked, $sectionPath) IS NOT page.snapshot)
            UPDATE records SET linked = json_set(records.linked, $sectionPath, json(changed.snapshot), $asOfPath, changed.as_of),
                linked_search = changed.search, version = records.version + 1, updated_at = $now
            FROM changed WHERE records.rowid = changed.row
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, ("$page", Encoding.UTF8.GetString(page.WrittenSpan)), ("$sectionPath", $"$.\"{section}\""),
            ("$asOfPath", $"$.\"{AttachedData.AsOf}\".\"{section}\""), ("$team", teamId), ("$model", modelId), ("$now", now.ToUnixMilliseconds()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> UnattachedIdsAsync(string modelId, FieldPath field, string section, int limit,
        CancellationToken cancellationToken)
    {
        var value = $"json_extract(data, {SqliteRecordSql.JsonPath(field)})";
        var sql = $"""
            SELECT DISTINCT {value} FROM records
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

    /// <summary>
    /// An expression index on the field within the model's records, so attaching a page finds its
    /// records without scanning the model. Idempotent; its name derives from the path.
    /// </summary>
    public async Task EnsureFieldIndexAsync(FieldPath field, CancellationToken cancellationToken)
    {
        var name = "ix_records_field_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(field.ToString())))[..16];
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"CREATE INDEX IF NOT EXISTS {name} ON records (team_id, model_id, json_extract(data, {SqliteRecordSql.JsonPath(field)}))");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
