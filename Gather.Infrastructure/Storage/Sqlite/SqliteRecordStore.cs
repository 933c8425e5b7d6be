using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// One team's records in SQLite. A sync runs in one IMMEDIATE transaction: read the batch's
/// keys, plan, write, update statistics. Writers queue on SQLite's single write lock, so no
/// update is lost and the unique key index keeps one record per key.
/// </summary>
internal sealed partial class SqliteRecordStore(SqliteConnectionFactory connections, string teamId) : IRecordStore
{
    /// <summary>The team's own table (<see cref="SqliteRecordTable"/>).</summary>
    private readonly string _table = SqliteRecordTable.For(teamId);

    /// <summary>Keys per <c>IN (...)</c> list, well under SQLite's bound-parameter limit.</summary>
    private const int KeysPerStatement = 500;

    public async Task<IReadOnlyList<RecordOutcome>> SyncAsync(string modelId, IReadOnlyList<RecordPatch> patches,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (patches.Count == 0)
            return [];
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var existing = (await ReadKeysAsync(transaction, modelId, patches.Select(p => p.Key).Distinct().ToList(), cancellationToken))
            .ToDictionary(r => r.Key, StringComparer.Ordinal);
        var plan = SyncPlanner.Build(modelId, existing, patches, now);

        await using (var upsert = transaction.Command(SqliteRecordRows.Upsert(_table)))
        {
            foreach (var name in new[] { "$team", "$model", "$key", "$data", "$linked", "$search", "$linked_search", "$created", "$updated", "$version" })
                upsert.Parameters.Add(new SqliteParameter { ParameterName = name });
            upsert.Parameters["$team"].Value = teamId;
            upsert.Parameters["$model"].Value = modelId;
            var rows = new List<long>(plan.Writes.Count);
            foreach (var write in plan.Writes)
            {
                var record = write.Record;
                upsert.Parameters["$key"].Value = record.Key;
                upsert.Parameters["$data"].Value = record.Data.ToJsonString();
                upsert.Parameters["$linked"].Value = record.Linked.ToJsonString();
                upsert.Parameters["$search"].Value = SearchText.Of(record.Data);
                upsert.Parameters["$linked_search"].Value = SearchText.Of(record.Linked);
                upsert.Parameters["$created"].Value = record.CreatedAt.ToUnixMilliseconds();
                upsert.Parameters["$updated"].Value = record.UpdatedAt.ToUnixMilliseconds();
                upsert.Parameters["$version"].Value = record.Version;
                rows.Add((long)(await upsert.ExecuteScalarAsync(cancellationToken))!);
            }
            await SqliteSearchPending.NoteAsync(transaction, teamId, modelId, rows, cancellationToken);
        }
        // Same transaction as the records: a failure between the two rolls both back, so unlike
        // MongoDB (MongoFieldStatsRepair) the counts need no recount.
        await ApplyCatalogueDeltaAsync(transaction, modelId, plan.CatalogueDelta, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return plan.Outcomes;
    }

    public async Task<IReadOnlyList<StoredRecord>> GetManyAsync(string modelId, IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
            return [];
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await ReadKeysAsync(transaction, modelId, keys.Distinct().ToList(), cancellationToken);
    }

    public async Task<RecordPage> QueryAsync(string modelId, RecordQuery query, CancellationToken cancellationToken)
    {
        var statement = PageStatement(modelId, query);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(statement.Sql, [.. statement.Parameters]);
        var rows = await SqliteRecordRows.ReadAllAsync(command, cancellationToken);
        return RecordPage.FromRows(rows, query.Page.Size, query.Page.Backward);
    }

    /// <summary>
    /// The statement reading one page (one row more than the page, to know whether more lie
    /// beyond). The page is chosen first by row id and sort keys alone, then its rows are read:
    /// a sort that no index serves keeps its best rows so far while it scans, and SQLite computes
    /// a row's selected columns before it knows whether the row makes the page, so selecting the
    /// record (its data turned back into JSON text) there costs that for every matching row, not
    /// only the page's (a sort alone over 10,000 records: about 4 times the work). The inner query
    /// has a LIMIT, so SQLite keeps it apart; CROSS JOIN keeps it first.
    /// </summary>
    internal SqliteStatement PageStatement(string modelId, RecordQuery query)
    {
        var sql = QuerySql(modelId);
        var where = Where(sql, modelId, query.Where, query.SearchTerms);
        if (query.Page.Cursor is { } cursor)
            where += " AND " + sql.After(query.Order, cursor, query.Page.Backward);
        if (sql.SortRange(query.Order, query.Where, query.Page.Cursor is not null) is { } range)
            where += " AND " + range;
        var limit = sql.Bind(query.Page.ReadSize);
        var keys = SqliteRecordSql.SortKeys(query.Order, query.Page.Backward, query.Where);
        var chosen = string.Concat(keys.Select((k, i) => $", {k.Expression} AS sort_{i}"));
        var reordered = string.Join(", ", keys.Select((k, i) => $"page.sort_{i} {k.Direction}"));
        return new SqliteStatement(
            $"SELECT {SqliteRecordRows.Columns} FROM (" +
            $"SELECT rowid AS page_row{chosen} FROM {_table} WHERE {where} ORDER BY {string.Join(", ", keys)} LIMIT {limit}" +
            $") AS page CROSS JOIN {_table} ON {_table}.rowid = page.page_row ORDER BY {reordered}",
            sql.Parameters);
    }

    public async Task<long> CountAsync(string modelId, RecordFilter? where, IReadOnlyList<string> searchTerms,
        CancellationToken cancellationToken)
    {
        var statement = CountStatement(modelId, where, searchTerms);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(statement.Sql, [.. statement.Parameters]);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The statement counting the records a filter and search match.</summary>
    internal SqliteStatement CountStatement(string modelId, RecordFilter? where, IReadOnlyList<string> searchTerms)
    {
        var sql = QuerySql(modelId);
        var condition = Where(sql, modelId, where, searchTerms);
        return new SqliteStatement($"SELECT count(*) FROM {_table} WHERE {condition}", sql.Parameters);
    }

    public async Task<IReadOnlyList<string>> DeleteAsync(string modelId, IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
            return [];
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var deleted = new List<StoredRecord>();
        var rows = new List<long>();
        foreach (var chunk in keys.Distinct().Chunk(KeysPerStatement))
        {
            var sql = new SqliteRecordSql();
            var condition = WithKeys(sql, modelId, chunk);
            await using var command = transaction.Command($"DELETE FROM {_table} WHERE {condition} RETURNING {SqliteRecordRows.Columns}, rowid",
                [.. sql.Parameters]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                deleted.Add(SqliteRecordRows.Read(reader));
                rows.Add(reader.GetInt64(SqliteRecordRows.ColumnCount));
            }
        }
        await SqliteSearchPending.NoteAsync(transaction, teamId, modelId, rows, cancellationToken);
        var delta = new Dictionary<(string Path, ValueKind Kind), long>();
        foreach (var record in deleted)
            FieldCatalogue.AddDelta(delta, record.Data, null);
        await ApplyCatalogueDeltaAsync(transaction, modelId, delta, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted.Select(r => r.Key).ToList();
    }

    /// <summary>A query's SQL over the model, written for the indexes the model has (<see cref="SqliteIndexedFields"/>).</summary>
    private SqliteRecordSql QuerySql(string modelId) => new(connections.IndexedFields.For(teamId, modelId));

    private string Where(SqliteRecordSql sql, string modelId, RecordFilter? filter, IReadOnlyList<string> searchTerms)
    {
        // Literals, not parameters: a partial index's WHERE names the team and model so, and the
        // planner uses such an index only for a query whose own text implies it. A search the
        // trigram index can serve starts from the rows that index names (SqliteSearchSql): `+`
        // keeps the planner from reading the whole model through a team and model index instead.
        var scope = SqliteSearchSql.Match(searchTerms) is null ? "" : "+";
        var where = $"{scope}team_id = {sql.Id(teamId)} AND {scope}model_id = {sql.Id(modelId)}";
        if (filter is not null)
            where += " AND " + sql.Filter(filter);
        if (searchTerms.Count > 0)
            where += " AND " + sql.Search(_table, teamId, modelId, searchTerms);
        return where;
    }

    /// <summary>The model's records with these keys (one chunk, within SQLite's parameter limit).</summary>
    private string WithKeys(SqliteRecordSql sql, string modelId, IEnumerable<string> keys) =>
        Where(sql, modelId, null, []) + $" AND key IN ({string.Join(", ", keys.Select(k => sql.Bind(k)))})";

    private async Task<List<StoredRecord>> ReadKeysAsync(SqliteTransaction transaction, string modelId, IReadOnlyList<string> keys,
        CancellationToken cancellationToken)
    {
        var records = new List<StoredRecord>();
        foreach (var chunk in keys.Chunk(KeysPerStatement))
        {
            var sql = new SqliteRecordSql();
            var condition = WithKeys(sql, modelId, chunk);
            await using var command = transaction.Command($"SELECT {SqliteRecordRows.Columns} FROM {_table} WHERE {condition}",
                [.. sql.Parameters]);
            records.AddRange(await SqliteRecordRows.ReadAllAsync(command, cancellationToken));
        }
        return records;
    }

    private async Task ApplyCatalogueDeltaAsync(SqliteTransaction transaction, string modelId,
        IReadOnlyDictionary<(string Path, ValueKind Kind), long> delta, CancellationToken cancellationToken)
    {
        if (delta.Count == 0)
            return;
        await using var command = transaction.Command(
            "INSERT INTO model_field_stats (team_id, model_id, path, kind, count) VALUES ($team, $model, $path, $kind, $count) " +
            "ON CONFLICT (team_id, model_id, path, kind) DO UPDATE SET count = count + excluded.count",
            ("$team", teamId), ("$model", modelId), ("$path", ""), ("$kind", ""), ("$count", 0L));
        foreach (var ((path, kind), change) in delta)
        {
            command.Parameters["$path"].Value = path;
            command.Parameters["$kind"].Value = kind.ToString();
            command.Parameters["$count"].Value = change;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
