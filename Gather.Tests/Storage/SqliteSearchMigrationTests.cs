using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Storage.Sqlite;
using Gather.Tests.Records;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gather.Tests.Storage;

/// <summary>A database written before search had its index gets the index built when it is opened, and finds what it found before.</summary>
public sealed class SqliteSearchMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gather-search-migration-").FullName;

    [Fact]
    public async Task Records_written_before_the_search_index_existed_are_found_through_it()
    {
        var path = Path.Combine(_directory, "store.db");
        var connections = new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = path }));
        var before = SqliteMigrations.All.ToList().FindIndex(m => m.Contains("CREATE VIRTUAL TABLE record_search", StringComparison.Ordinal));
        Assert.True(before > 0);
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = string.Join("\n", SqliteMigrations.All.Take(before)) + $$$"""
                PRAGMA user_version = {{{before}}};
                INSERT INTO teams VALUES ('t1', 'Old', 0);
                INSERT INTO models (id, team_id, name, name_key, kind, id_field, declared_fields, created_at, updated_at)
                    VALUES ('m1', 't1', 'Items', 'items', 'Custom', 'id', '[]', 0, 0);
                INSERT INTO records (team_id, model_id, key, data, linked, search, linked_search, created_at, updated_at, version) VALUES
                    ('t1', 'm1', 'a', '{"id":"a","note":"Old Invoice"}', '{}', 'a' || char(10) || 'old invoice', '', 0, 0, 1),
                    ('t1', 'm1', 'b', '{"id":"b","note":"other"}', '{"stripeCharge":{"desc":"Refund"}}', 'b' || char(10) || 'other', 'refund', 0, 0, 1);
                """;
            await command.ExecuteNonQueryAsync();
        }

        await new SqliteStoreInitializer(connections, NullLogger<SqliteStoreInitializer>.Instance).InitializeAsync(CancellationToken.None);
        var team = new SqliteStore(connections).ForTeam("t1");
        var pending = await SearchAsync(team);
        await SqliteSearchIndexer.CatchUpAsync(connections, 1, CancellationToken.None);
        var indexed = await SearchAsync(team);

        Assert.Equal(["a", "b", "a"], pending);
        Assert.Equal(["a", "b", "a"], indexed);
        await using var check = await connections.OpenAsync(CancellationToken.None);
        await using var counts = check.CreateCommand();
        counts.CommandText = "SELECT (SELECT count(*) FROM record_search WHERE record_search MATCH '\"invoice\" OR \"refund\"') || '/' || (SELECT count(*) FROM search_pending)";
        Assert.Equal("2/0", await counts.ExecuteScalarAsync());
    }

    private static async Task<string[]> SearchAsync(ITeamStore team)
    {
        var found = new List<string>();
        foreach (var search in new[] { "invoice", "REFUND", "old inv" })
        {
            var query = SeededRecordStore.QueryBuilder.Build(null, null, search, new PageInput(First: 10)).Value!;
            found.AddRange((await team.Records.QueryAsync("m1", query, CancellationToken.None)).Records.Select(r => r.Key));
        }
        return found.ToArray();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
