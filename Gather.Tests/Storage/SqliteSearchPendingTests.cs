using System.Text.Json.Nodes;
using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage.Sqlite;
using Gather.Infrastructure.Teams;
using Gather.Tests.Records;
using Microsoft.Data.Sqlite;

namespace Gather.Tests.Storage;

/// <summary>
/// Every way a record changes on SQLite notes it for the search index in the writing transaction:
/// a sync, attached data, a delete and a model's deletion. Searched before the index catches up
/// (pending rows are candidates) and after it, the results are the same, and the index keeps
/// entries for the records that exist only.
/// </summary>
public sealed class SqliteSearchPendingTests : IDisposable
{
    private static readonly FieldPath Charge = new(["stripe_charge_id"]);
    private readonly string _directory = Directory.CreateTempSubdirectory("gather-search-pending-").FullName;

    [Fact]
    public async Task Syncs_attached_data_deletes_and_a_deleted_model_reach_the_search_index()
    {
        var (connections, store) = await SqliteTestStore.OpenAsync(Path.Combine(_directory, "store.db"));
        var (team, orders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        Assert.Empty((await SeededRecordStore.RecordService.SyncAsync(team, orders.Id, Enumerable.Range(1, 3)
            .Select(i => new RecordInput(new JsonObject { ["id"] = $"o{i}", ["stripe_charge_id"] = $"ch_{i}", ["note"] = $"order number {i}" }))
            .ToList(), CancellationToken.None)).Value!.Errors);
        Assert.Equal(["o1", "o2", "o3"], await BothWaysAsync(team, orders.Id, connections, "order number"));
        Assert.Equal("3 entries, 0 pending", await IndexAsync(connections));

        Assert.Equal(1, await team.Records.AttachAsync(orders.Id, Charge, AttachedData.StripeCharge,
            [new AttachedSnapshot("ch_2", new JsonObject { ["id"] = "ch_2", ["description"] = "Disputed refund" }, 1)],
            SeededRecordStore.T0, CancellationToken.None));
        Assert.Equal("3 entries, 1 pending", await IndexAsync(connections));
        Assert.Equal(["o2"], await BothWaysAsync(team, orders.Id, connections, "disputed refund"));

        Assert.Equal(["o1"], await team.Records.DeleteAsync(orders.Id, ["o1"], CancellationToken.None));
        Assert.Equal("3 entries, 1 pending", await IndexAsync(connections));
        Assert.Equal(["o2", "o3"], await BothWaysAsync(team, orders.Id, connections, "order number"));
        Assert.Equal("2 entries, 0 pending", await IndexAsync(connections));

        Assert.Equal(2, await team.Models.DeleteAsync(orders.Id, CancellationToken.None));
        Assert.Equal("2 entries, 2 pending", await IndexAsync(connections));
        await SqliteSearchIndexer.CatchUpAsync(connections, 10, CancellationToken.None);
        Assert.Equal("0 entries, 0 pending", await IndexAsync(connections));
    }

    /// <summary>The search's keys while its rows are pending, which must equal those once the index has taken them in.</summary>
    private static async Task<string[]> BothWaysAsync(ITeamStore team, string modelId, SqliteConnectionFactory connections, string search)
    {
        var query = SeededRecordStore.QueryBuilder.Build(null, null, search, new PageInput(First: 10)).Value!;
        var pending = (await team.Records.QueryAsync(modelId, query, CancellationToken.None)).Records.Select(r => r.Key).ToArray();
        await SqliteSearchIndexer.CatchUpAsync(connections, 10, CancellationToken.None);
        var indexed = (await team.Records.QueryAsync(modelId, query, CancellationToken.None)).Records.Select(r => r.Key).ToArray();
        Assert.Equal(pending, indexed);
        return indexed;
    }

    private static async Task<string> IndexAsync(SqliteConnectionFactory connections)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM record_search) || ' entries, ' || (SELECT count(*) FROM search_pending) || ' pending'";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
