using System.Text.Json.Nodes;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage.Sqlite;
using Gather.Infrastructure.Teams;
using Gather.Tests.Records;
using Microsoft.Data.Sqlite;
using Snapshooter.Xunit;

namespace Gather.Tests.Storage;

/// <summary>
/// A search on SQLite reads the rows its trigram index names, in its own team's and model's
/// range: the statements the store runs (page and count) are counted in SQLite VM steps, which
/// grow with the matches and stay flat as the model, or another team's use of the same term, grows.
/// </summary>
public sealed class SqliteSearchCostTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gather-search-").FullName;

    private string DatabasePath => Path.Combine(_directory, "store.db");

    private SqliteConnectionFactory? _connections;

    private async Task<IGatherStore> StoreAsync()
    {
        (_connections, var store) = await SqliteTestStore.OpenAsync(DatabasePath);
        return store;
    }

    private Task CatchUpAsync() => SqliteSearchIndexer.CatchUpAsync(_connections!, 2_000, CancellationToken.None);

    /// <summary>Records <c>from</c>..<c>from + count - 1</c>; every <paramref name="every"/>-th one's note holds "needle".</summary>
    private static async Task SyncAsync(ITeamStore team, string modelId, int from, int count, int every)
    {
        foreach (var batch in Enumerable.Range(from, count).Chunk(500))
            Assert.Empty((await SeededRecordStore.RecordService.SyncAsync(team, modelId, batch
                .Select(i => new RecordInput(new JsonObject
                {
                    ["id"] = $"r{i}",
                    ["note"] = i % every == 0 ? $"has the needle {i}" : $"plain haystack text {i}",
                })).ToList(), CancellationToken.None)).Value!.Errors);
    }

    /// <summary>The page and count statements the store runs for a search.</summary>
    private static (SqliteStatement Page, SqliteStatement Count) Statements(ITeamStore team, string modelId, string search)
    {
        var query = SeededRecordStore.QueryBuilder.Build(null, null, search, new PageInput(First: 50)).Value!;
        var store = (SqliteRecordStore)team.Records;
        return (store.PageStatement(modelId, query), store.CountStatement(modelId, query.Where, query.SearchTerms));
    }

    private long Steps(SqliteStatement statement)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return SqliteSteps.Run(connection, statement.Sql, statement.Parameters).Steps;
    }

    private long SearchSteps(ITeamStore team, string modelId, string search)
    {
        var (page, count) = Statements(team, modelId, search);
        return Steps(page) + Steps(count);
    }

    [Fact]
    public async Task Search_reads_the_matches_not_the_model_nor_other_teams_rows()
    {
        var store = await StoreAsync();
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(store);
        var (other, otherModel) = await SeededRecordStore.CreateTeamWithModelAsync(store);
        await SyncAsync(team, model.Id, 0, 500, every: 50);
        var pending = SearchSteps(team, model.Id, "NEEDLE");
        await CatchUpAsync();
        var small = SearchSteps(team, model.Id, "NEEDLE");

        await SyncAsync(team, model.Id, 500, 4_500, every: 1_000_000);
        await CatchUpAsync();
        var large = SearchSteps(team, model.Id, "NEEDLE");
        await SyncAsync(other, otherModel.Id, 0, 2_000, every: 1);
        await CatchUpAsync();
        var crowded = SearchSteps(team, model.Id, "NEEDLE");
        var shortTerm = SearchSteps(team, model.Id, "ne");

        // Ten times the records, and 2,000 of another team's records holding the term, cost no
        // more steps (the same 10 matches); a term too short for the index reads every row, and
        // rows the index has not taken in yet are read as candidates until it has.
        Assert.Equal(small, large);
        Assert.Equal(small, crowded);
        Assert.True(small * 20 < shortTerm, $"indexed {small} steps, unindexed {shortTerm}");
        Assert.True(small * 5 < pending, $"indexed {small} steps, all 500 rows pending {pending}");
    }

    [Fact]
    public async Task Search_plans_read_the_trigram_index_then_the_rows_it_names()
    {
        var store = await StoreAsync();
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(store);
        await SyncAsync(team, model.Id, 0, 200, every: 10);
        await CatchUpAsync();

        var plans = new Dictionary<string, string[]>();
        foreach (var search in new[] { "needle", "needle haystack", "ne", "ne needle" })
        {
            var (page, count) = Statements(team, model.Id, search);
            plans[search] = [Plan(page), Plan(count)];
        }

        Snapshot.Match(plans);
    }

    private string Plan(SqliteStatement statement)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var (name, value) in statement.Parameters)
            command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
            plan.Add(TeamRecordTables.Readable(reader.GetString(3)));
        return string.Join(" / ", plan);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
