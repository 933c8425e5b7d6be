using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage.Sqlite;
using Gather.Infrastructure.Teams;
using Gather.Tests.Records;
using Microsoft.Data.Sqlite;

namespace Gather.Tests.Storage;

/// <summary>A database written before search had its index gets the index built when it is opened, and finds what it found before.</summary>
public sealed class SqliteSearchMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gather-search-migration-").FullName;

    [Fact]
    public async Task Records_written_before_the_search_index_existed_are_found_through_it()
    {
        var connections = await SqliteMigrationSteps.OpenAfterOlderVersionAsync(Path.Combine(_directory, "store.db"),
            "CREATE VIRTUAL TABLE record_search", SqliteMigrationSteps.TeamAndModel + """
                INSERT INTO records (team_id, model_id, key, data, linked, search, linked_search, created_at, updated_at, version) VALUES
                    ('t1', 'm1', 'a', '{"id":"a","note":"Old Invoice"}', '{}', 'a' || char(10) || 'old invoice', '', 0, 0, 1),
                    ('t1', 'm1', 'b', '{"id":"b","note":"other"}', '{"stripeCharge":{"desc":"Refund"}}', 'b' || char(10) || 'other', 'refund', 0, 0, 1);
                """);
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
