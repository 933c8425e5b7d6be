using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage.Sqlite;
using Gather.Infrastructure.Teams;
using Gather.Tests.Records;
using Microsoft.Data.Sqlite;

namespace Gather.Tests.Storage;

/// <summary>
/// A store from before records had a table per team: opening it moves each team's records into
/// its own table with their row ids, so what the search index had taken in is still found, rows
/// still pending are taken in afterwards, and a view's index is built again on its team's table.
/// </summary>
public sealed class SqliteRecordTableMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gather-record-tables-").FullName;

    private static readonly FieldIndexKey Amount = FieldIndexKey.FromRegistry("m1", ["$desc amount"]);

    [Fact]
    public async Task Each_teams_records_indexes_and_search_move_to_its_own_table()
    {
        var index = FieldIndexNames.For("t1", Amount);
        var connections = await SqliteMigrationSteps.OpenAfterOlderVersionAsync(Path.Combine(_directory, "store.db"),
            "-- Records move to a table per team", $$"""
                INSERT INTO teams VALUES ('t1', 'Old', 0), ('t2', 'Other', 0);
                INSERT INTO models (id, team_id, name, name_key, kind, id_field, declared_fields, created_at, updated_at) VALUES
                    ('m1', 't1', 'Items', 'items', 'Custom', 'id', '[]', 0, 0),
                    ('m2', 't2', 'Items', 'items', 'Custom', 'id', '[]', 0, 0);
                INSERT INTO records (team_id, model_id, key, data, linked, search, linked_search, created_at, updated_at, version) VALUES
                    ('t1', 'm1', 'a', jsonb('{"id":"a","amount":5,"note":"Old invoice"}'), '{}', 'a' || char(10) || '5' || char(10) || 'old invoice', '', 0, 0, 1),
                    ('t2', 'm2', 'x', jsonb('{"id":"x","amount":7,"note":"Their invoice"}'), '{}', 'x' || char(10) || '7' || char(10) || 'their invoice', '', 0, 0, 1),
                    ('t1', 'm1', 'b', jsonb('{"id":"b","amount":9,"note":"Still pending"}'), '{}', 'b' || char(10) || '9' || char(10) || 'still pending', '', 0, 0, 1);
                -- The indexer had taken in a and x; b was still pending.
                INSERT INTO record_search (rowid, search, linked_search)
                    SELECT (p.scope_id << 36) | r.rowid, r.search, r.linked_search FROM search_pending AS p JOIN records AS r ON r.rowid = p.row WHERE r.key <> 'b';
                DELETE FROM search_pending WHERE row IN (SELECT rowid FROM records WHERE key <> 'b');
                INSERT INTO field_indexes VALUES ('{{index}}', 't1', 'm1', '["$desc amount"]', 0);
                INSERT INTO field_index_owners VALUES ('{{index}}', 't1', 'View', 'view_1');
                CREATE INDEX {{index}} ON records ({{SqliteRecordSql.Ordered(new(["amount"]))}} DESC, key) WHERE team_id = 't1' AND model_id = 'm1';
                CREATE INDEX ix_records_field_0123456789abcdef ON records (team_id, model_id, json_extract(data, '$."x"'));
                """);
        var store = new SqliteStore(connections);
        var (mine, theirs) = (store.ForTeam("t1"), store.ForTeam("t2"));

        var schema = await ScalarAsync(connections,
            "SELECT group_concat(s, ', ') FROM (SELECT type || ' ' || name || ' on ' || tbl_name AS s FROM sqlite_master WHERE name LIKE '%records%' ORDER BY s)");
        var (t1, t2) = (SqliteRecordTable.For("t1"), SqliteRecordTable.For("t2"));
        Assert.Equal(string.Join(", ", new[]
        {
            $"index {index} on {t1}",
            $"table {t1} on {t1}", $"table {t2} on {t2}",
            $"index ux_{t1}_key on {t1}", $"index ux_{t2}_key on {t2}",
        }.Order(StringComparer.Ordinal)), schema);
        // Row ids are kept: the search index names rows by them.
        Assert.Equal("a:1,b:3", await ScalarAsync(connections, $"SELECT group_concat(key || ':' || row) FROM (SELECT key, rowid AS row FROM {t1} ORDER BY rowid)"));
        Assert.Equal("x:2", await ScalarAsync(connections, $"SELECT group_concat(key || ':' || rowid) FROM {t2}"));

        Assert.Equal(["b", "a"], await PageAsync(mine, "m1", """{"field":"amount","gt":1}"""));
        Assert.Equal(["x"], await PageAsync(theirs, "m2", """{"field":"amount","gt":1}"""));
        Assert.Equal(["a"], await SearchAsync(mine, "m1", "invoice"));
        Assert.Equal(["b"], await SearchAsync(mine, "m1", "pending"));
        Assert.Equal(["x"], await SearchAsync(theirs, "m2", "invoice"));

        await SqliteSearchIndexer.CatchUpAsync(connections, 10, CancellationToken.None);
        Assert.Equal("0", await ScalarAsync(connections, "SELECT count(*) FROM search_pending"));
        Assert.Equal(["b"], await SearchAsync(mine, "m1", "pending"));
        Assert.Equal(["a"], await SearchAsync(mine, "m1", "invoice"));
        Assert.Equal(["x"], await SearchAsync(theirs, "m2", "invoice"));
    }

    private static async Task<string> ScalarAsync(SqliteConnectionFactory connections, string sql)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static async Task<string[]> PageAsync(ITeamStore team, string modelId, string filter)
    {
        var query = SeededRecordStore.QueryBuilder.Build(QueryJson.Filter(filter), QueryJson.Order("""[{"field":"amount","direction":"DESC"}]"""),
            null, new PageInput(First: 10)).Value!;
        return (await team.Records.QueryAsync(modelId, query, CancellationToken.None)).Records.Select(r => r.Key).ToArray();
    }

    private static async Task<string[]> SearchAsync(ITeamStore team, string modelId, string search)
    {
        var query = SeededRecordStore.QueryBuilder.Build(null, null, search, new PageInput(First: 10)).Value!;
        return (await team.Records.QueryAsync(modelId, query, CancellationToken.None)).Records.Select(r => r.Key).ToArray();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
