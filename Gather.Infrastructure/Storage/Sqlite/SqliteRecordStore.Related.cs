using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// Related records for many parents in one statement: the link values travel as one JSON
/// array parameter, and a window function numbers each parent's records in the query's
/// order, so every parent gets its own page however many there are.
/// </summary>
internal sealed partial class SqliteRecordStore
{
    public async Task<IReadOnlyDictionary<string, RecordPage>> QueryRelatedAsync(string modelId, RecordLink link, RecordQuery query,
        CancellationToken cancellationToken)
    {
        if (link.Values.Count == 0)
            return new Dictionary<string, RecordPage>();
        var sql = QuerySql(modelId);
        var linkValue = LinkValue(link.Field);
        var where = RelatedWhere(sql, modelId, link, linkValue, query.Where, query.SearchTerms);
        if (query.Page.Cursor is { } cursor)
            where += " AND " + sql.After(query.Order, cursor, reverse: false);
        var limit = sql.Bind(query.Page.ReadSize);

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {SqliteRecordRows.Columns}, link FROM (" +
            $"SELECT {SqliteRecordRows.StoredColumns}, {linkValue} AS link, " +
            $"row_number() OVER (PARTITION BY {linkValue} ORDER BY {SqliteRecordSql.OrderBy(query.Order, reverse: false, query.Where)}) AS position " +
            $"FROM {_table} WHERE {where}) WHERE position <= {limit} ORDER BY link, position",
            [.. sql.Parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var byLink = new Dictionary<string, List<StoredRecord>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var value = reader.GetString(7);
            if (!byLink.TryGetValue(value, out var records))
                byLink[value] = records = [];
            records.Add(SqliteRecordRows.Read(reader));
        }
        return byLink.ToDictionary(e => e.Key, e => RecordPage.FromRows(e.Value, query.Page.Size), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, long>> CountRelatedAsync(string modelId, RecordLink link, RecordFilter? where,
        IReadOnlyList<string> searchTerms, CancellationToken cancellationToken)
    {
        if (link.Values.Count == 0)
            return new Dictionary<string, long>();
        var sql = QuerySql(modelId);
        var linkValue = LinkValue(link.Field);
        var condition = RelatedWhere(sql, modelId, link, linkValue, where, searchTerms);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {linkValue} AS link, count(*) FROM {_table} WHERE {condition} GROUP BY link", [.. sql.Parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    private string RelatedWhere(SqliteRecordSql sql, string modelId, RecordLink link, string linkValue, RecordFilter? filter,
        IReadOnlyList<string> searchTerms) =>
        Where(sql, modelId, filter, searchTerms) +
        $" AND {linkValue} IN (SELECT value FROM json_each({sql.Bind(System.Text.Json.JsonSerializer.Serialize(link.Values))}))";

    /// <summary>The text a record links by: its key, or a string or integer field as text (see <c>LinkValues</c>).</summary>
    private static string LinkValue(FieldPath? field) => field is null
        ? "key"
        : $"(CASE json_type({SqliteRecordSql.ColumnOf(field)}, {SqliteRecordSql.JsonPath(field)}) WHEN 'text' THEN {SqliteRecordSql.ValueOf(field)} " +
          $"WHEN 'integer' THEN CAST({SqliteRecordSql.ValueOf(field)} AS TEXT) END)";
}
