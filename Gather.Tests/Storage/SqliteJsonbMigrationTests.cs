using System.Text.Json.Nodes;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage.Sqlite;
using Gather.Tests.Records;
using Microsoft.Data.Sqlite;

namespace Gather.Tests.Storage;

/// <summary>
/// Records written as JSON text, before data was stored as JSONB, are converted when the store
/// opens: they read back as they were written, and filters, sorts and the field index see the
/// same values.
/// </summary>
public sealed class SqliteJsonbMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gather-jsonb-migration-").FullName;

    [Fact]
    public async Task Records_written_as_text_read_back_and_filter_the_same_after_conversion()
    {
        const string written = """{"id":"a","amount":12.50,"big":12345678901234567,"tags":["x","y"],"nested":{"é":"ü \u0001"},"none":null,"yes":true}""";
        var connections = await SqliteMigrationSteps.OpenAfterOlderVersionAsync(Path.Combine(_directory, "store.db"),
            "jsonb(data)", SqliteMigrationSteps.TeamAndModel + """
                INSERT INTO records (team_id, model_id, key, data, linked, search, linked_search, created_at, updated_at, version) VALUES
                    ('t1', 'm1', 'a', $written, '{}', 'a', '', 0, 0, 1),
                    ('t1', 'm1', 'b', '{"id":"b","amount":3}', '{}', 'b', '', 0, 0, 1);
                """, ("$written", written));
        var team = new SqliteStore(connections).ForTeam("t1");

        var all = (await team.Records.GetManyAsync("m1", ["a", "b"], CancellationToken.None)).ToDictionary(r => r.Key);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(written), all["a"].Data));
        var query = SeededRecordStore.QueryBuilder.Build(QueryJson.Filter("""{"field":"amount","gt":5}"""),
            QueryJson.Order("""[{"field":"amount","direction":"DESC"}]"""), null, new PageInput(First: 10)).Value!;
        Assert.Equal(["a"], (await team.Records.QueryAsync("m1", query, CancellationToken.None)).Records.Select(r => r.Key));
        await using var check = await connections.OpenAsync(CancellationToken.None);
        await using var kinds = check.CreateCommand();
        kinds.CommandText = $"SELECT group_concat(DISTINCT typeof(data)) FROM {SqliteRecordTable.For("t1")}";
        Assert.Equal("blob", await kinds.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
