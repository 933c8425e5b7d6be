using System.Text.Json;
using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Records.Querying;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// A team's field indexes on SQLite: partial expression indexes on the team's own records table
/// (<see cref="SqliteRecordTable"/>) whose WHERE names the model, so they hold that model's
/// records only, and other teams' writes never meet them. The registry (<c>field_indexes</c>, <c>field_index_owners</c>)
/// and the indexes change in one write transaction, as SQLite's DDL is transactional: the limit
/// is counted exactly and a build that fails leaves nothing behind.
/// </summary>
internal sealed partial class SqliteFieldIndexStore(SqliteConnectionFactory connections, string teamId) : IFieldIndexStore
{
    public async Task<FieldIndexResult> HoldAsync(IndexOwner owner, IReadOnlyList<FieldIndexKey> needed, int maxPerTeam, IndexBuildCheck? mayBuild,
        CancellationToken cancellationToken)
    {
        var wanted = needed.Distinct().ToDictionary(k => FieldIndexNames.For(teamId, k), StringComparer.Ordinal);
        await using var connection = await connections.OpenAsync(cancellationToken);
        if (await AlreadyHeldAsync(connection, owner, wanted.Keys, cancellationToken) is { } teamIndexes)
            return FieldIndexResult.Done(teamIndexes, maxPerTeam, changed: false);
        // Asked before the write transaction begins, so that the check holds no other writer.
        if (mayBuild is not null && await mayBuild(cancellationToken) is { } refused)
            return FieldIndexResult.BuildRefused(refused, maxPerTeam);
        await using var transaction = connection.BeginTransaction();
        var registered = await NamesAsync(transaction, "SELECT name FROM field_indexes WHERE team_id = $team", cancellationToken);
        var toBuild = wanted.Where(w => !registered.Contains(w.Key)).ToList();
        if (toBuild.Count > 0 && registered.Count + toBuild.Count > maxPerTeam)
            return FieldIndexResult.LimitReached(registered.Count, maxPerTeam);

        var now = DateTimeOffset.UtcNow.ToUnixMilliseconds();
        foreach (var (name, key) in toBuild)
        {
            await using var insert = transaction.Command(
                "INSERT INTO field_indexes (name, team_id, model_id, fields, created_at) VALUES ($name, $team, $model, $fields, $now)",
                ("$name", name), ("$team", teamId), ("$model", key.ModelId), ("$fields", JsonSerializer.Serialize(key.FieldNames)), ("$now", now));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        // Also for indexes already registered: one lost outside Gather is built again (a no-op otherwise).
        foreach (var (name, key) in wanted)
        {
            await using var create = transaction.Once(CreateIndexSql(teamId, name, key));
            await create.ExecuteNonQueryAsync(cancellationToken);
            await using var hold = transaction.Command(
                "INSERT OR IGNORE INTO field_index_owners (name, team_id, owner_kind, owner_id) VALUES ($name, $team, $kind, $id)",
                ("$name", name), ("$team", teamId), ("$kind", owner.Kind), ("$id", owner.Id));
            await hold.ExecuteNonQueryAsync(cancellationToken);
        }

        var held = await NamesAsync(transaction,
            "SELECT name FROM field_index_owners WHERE team_id = $team AND owner_kind = $kind AND owner_id = $id", cancellationToken,
            ("$kind", owner.Kind), ("$id", owner.Id));
        var dropped = 0;
        foreach (var name in held.Where(n => !wanted.ContainsKey(n)))
            dropped += await LetGoAsync(transaction, name, owner, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        connections.IndexedFields.Forget();
        return FieldIndexResult.Done(registered.Count + toBuild.Count - dropped, maxPerTeam);
    }

    /// <summary>
    /// The team's index count when the owner holds exactly <paramref name="names"/> and each exists,
    /// else null: one read, so that a task run re-holding its index costs no write transaction.
    /// </summary>
    private async Task<int?> AlreadyHeldAsync(SqliteConnection connection, IndexOwner owner, IEnumerable<string> names,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Command("""
            SELECT o.name, EXISTS (SELECT 1 FROM sqlite_master AS m WHERE m.type = 'index' AND m.name = o.name),
                   (SELECT count(*) FROM field_indexes WHERE team_id = $team)
            FROM field_index_owners AS o WHERE o.team_id = $team AND o.owner_kind = $kind AND o.owner_id = $id
            """, ("$team", teamId), ("$kind", owner.Kind), ("$id", owner.Id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var held = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetInt64(1) == 0)
                return null;
            held.Add(reader.GetString(0));
            count = reader.GetInt32(2);
        }
        return held.SetEquals(names) && held.Count > 0 ? count : null;
    }

    public async Task<IReadOnlyList<FieldIndex>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT i.name, i.model_id, i.fields, i.created_at, o.owner_kind, o.owner_id
            FROM field_indexes AS i LEFT JOIN field_index_owners AS o ON o.name = i.name
            WHERE i.team_id = $team ORDER BY i.created_at, i.name, o.owner_kind, o.owner_id
            """, ("$team", teamId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var indexes = new List<(string Name, FieldIndexKey Key, DateTimeOffset CreatedAt, List<IndexOwner> Owners)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            if (indexes.Count == 0 || indexes[^1].Name != name)
            {
                indexes.Add((name, ReadKey(reader, 1), reader.ReadTime(3), []));
            }
            if (!reader.IsDBNull(4))
                indexes[^1].Owners.Add(new IndexOwner(reader.GetString(4), reader.GetString(5)));
        }
        return indexes.Select(i => new FieldIndex(i.Name, i.Key, i.Owners, i.CreatedAt)).ToList();
    }

    /// <summary>A registry entry's key: its model id at <paramref name="modelOrdinal"/>, its fields (JSON) after it.</summary>
    internal static FieldIndexKey ReadKey(SqliteDataReader reader, int modelOrdinal) =>
        FieldIndexKey.FromRegistry(reader.GetString(modelOrdinal), JsonSerializer.Deserialize<string[]>(reader.GetString(modelOrdinal + 1))!);

    /// <summary>
    /// The index on the key's fields within the team's model: each field's ordered value, the
    /// expression every filter, sort and cursor is written over (<see cref="SqliteRecordSql"/>),
    /// then the record key, so one index serves equality, ranges, the sort and paging. A partial
    /// index's WHERE cannot take bound parameters, so the ids are SQL string literals, and a query
    /// it serves says <c>team_id = '…' AND model_id = '…'</c> with the same literals. The WHERE
    /// fixes the team and model, so the entries do not repeat them: an entry is the value and
    /// the key, about a third of the size with both ids, which is what a sync pays for per index
    /// (random inserts into a larger B-tree touch more pages: at 100,000 records, 2 such indexes
    /// cost about half the write rate that 2 with the ids did). The planner still prefers them
    /// over the key index for the shapes they serve because of the picture of the table it is
    /// given (<see cref="SqliteRecordTable"/>) and <see cref="SqliteRecordSql.SortRange"/>; queries learn
    /// which fields an index holds from <see cref="SqliteIndexedFields"/>, told here when one changes.
    /// </summary>
    internal static string CreateIndexSql(string teamId, string name, FieldIndexKey key) =>
        $"CREATE INDEX IF NOT EXISTS {name} ON {SqliteRecordTable.For(teamId)} (" +
        string.Concat(key.Fields.Select(f => $"{SqliteRecordSql.Ordered(f.Path)}{(f.Direction == SortDirection.Descending ? " DESC" : "")}, ")) + "key) " +
        $"WHERE team_id = {SqliteRecordSql.IdLiteral(teamId)} AND model_id = {SqliteRecordSql.IdLiteral(key.ModelId)}";

    /// <summary>Removes the owner from the index; drops the index when it was the last. Returns how many indexes were dropped.</summary>
    private async Task<int> LetGoAsync(SqliteTransaction transaction, string name, IndexOwner owner, CancellationToken cancellationToken)
    {
        await using var release = transaction.Command(
            "DELETE FROM field_index_owners WHERE name = $name AND team_id = $team AND owner_kind = $kind AND owner_id = $id",
            ("$name", name), ("$team", teamId), ("$kind", owner.Kind), ("$id", owner.Id));
        await release.ExecuteNonQueryAsync(cancellationToken);
        await using var orphan = transaction.Command(
            "DELETE FROM field_indexes WHERE name = $name AND team_id = $team AND NOT EXISTS (SELECT 1 FROM field_index_owners WHERE name = $name)",
            ("$name", name), ("$team", teamId));
        if (await orphan.ExecuteNonQueryAsync(cancellationToken) == 0)
            return 0;
        // The name is one FieldIndexNames made (hex), read back from the registry: safe as an identifier.
        await using var drop = transaction.Command($"DROP INDEX IF EXISTS {name}");
        await drop.ExecuteNonQueryAsync(cancellationToken);
        return 1;
    }

    private async Task<HashSet<string>> NamesAsync(SqliteTransaction transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = transaction.Command(sql, [("$team", teamId), .. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            names.Add(reader.GetString(0));
        return names;
    }
}
