using System.Text.Json.Nodes;
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
        var page = new JsonArray(snapshots.Select(s => (JsonNode)new JsonObject { ["id"] = s.Id, ["asOf"] = s.AsOf, ["value"] = s.Value.DeepClone() }).ToArray());
        // The records are found through the field's expression index (EnsureFieldIndexAsync);
        // gather_attach returns null where nothing changes, and those rows are left alone.
        var sql = $"""
            WITH page AS (
                SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.asOf') AS as_of, json_extract(value, '$.value') AS snapshot
                FROM json_each($page)),
            changed AS (
                SELECT r.rowid AS row, gather_attach(r.linked, $section, page.snapshot, page.as_of) AS linked
                FROM page JOIN records AS r
                  ON r.team_id = $team AND r.model_id = $model AND json_extract(r.data, {SqliteRecordSql.JsonPath(field)}) = page.id)
            UPDATE records SET linked = changed.linked, search = gather_search_text(records.data, changed.linked),
                version = records.version + 1, updated_at = $now
            FROM changed WHERE records.rowid = changed.row AND changed.linked IS NOT NULL
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, ("$page", page.ToJsonString()), ("$section", section), ("$team", teamId),
            ("$model", modelId), ("$now", now.ToUnixMilliseconds()));
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
