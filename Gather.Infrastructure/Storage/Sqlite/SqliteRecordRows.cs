using System.Text.Json;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Records;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// Maps <see cref="StoredRecord"/> to and from the <c>records</c> table. Search text is kept in two
/// columns, the record's own (<c>search</c>) and its attached data's (<c>linked_search</c>); a
/// search term matches either. The record's data is stored as JSONB (see the migration that
/// introduced it) and read back as JSON text.
/// </summary>
internal static class SqliteRecordRows
{
    /// <summary>The columns <see cref="Read"/> reads, the record's data turned back into JSON text.</summary>
    public const string Columns = "model_id, key, json(data) AS data, linked, created_at, updated_at, version";

    /// <summary>How many columns <see cref="Columns"/> names: a statement may select more after them.</summary>
    public const int ColumnCount = 7;

    /// <summary>The same columns as stored (data as JSONB), for a subquery whose outer query selects <see cref="Columns"/>.</summary>
    public const string StoredColumns = "model_id, key, data, linked, created_at, updated_at, version";

    /// <summary>Writes a record into <paramref name="table"/>, its team's (<see cref="SqliteRecordTable"/>); returns its row id.</summary>
    public static string Upsert(string table) =>
        $"INSERT INTO {table} (team_id, model_id, key, data, linked, search, linked_search, created_at, updated_at, version) " +
        "VALUES ($team, $model, $key, jsonb($data), $linked, $search, $linked_search, $created, $updated, $version) " +
        "ON CONFLICT (team_id, model_id, key) DO UPDATE SET data = excluded.data, linked = excluded.linked, " +
        "search = excluded.search, linked_search = excluded.linked_search, updated_at = excluded.updated_at, version = excluded.version " +
        "RETURNING rowid";

    public static StoredRecord Read(SqliteDataReader reader) => StoredRecord.Read(
        reader.GetString(0),
        reader.GetString(1),
        JsonElement.Parse(reader.GetString(2)),
        (JsonObject)JsonNode.Parse(reader.GetString(3))!,
        reader.ReadTime(4),
        reader.ReadTime(5),
        reader.GetInt64(6));

    public static async Task<List<StoredRecord>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<StoredRecord>();
        while (await reader.ReadAsync(cancellationToken))
            records.Add(Read(reader));
        return records;
    }
}
