using System.Text.Json.Nodes;
using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
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
/// How SQLite runs the page statements Gather writes, for the shapes views use: the query plan of
/// each (snapshotted, so a change that makes the planner scan shows up in review), and the work
/// a page costs, counted in SQLite's virtual-machine steps, which stays flat as the model grows
/// when an index serves the page and grows with the model when none does.
/// </summary>
public sealed class SqliteQueryPlanTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gather-plans-").FullName;

    /// <summary>The representative shapes: a filter, an order, and whether the page starts after a cursor.</summary>
    private static readonly (string Name, string? Where, string? Order, bool AfterCursor)[] Shapes =
    [
        ("equality", """{"field":"status","eq":"paid"}""", null, false),
        ("range", """{"field":"amount","gt":5000}""", """[{"field":"amount","direction":"DESC"}]""", false),
        ("equality_range_sort", """{"and":[{"field":"status","eq":"paid"},{"field":"amount","gt":5000}]}""",
            """[{"field":"amount","direction":"DESC"}]""", false),
        ("sort_only", null, """[{"field":"amount","direction":"DESC"}]""", false),
        ("after_cursor", null, """[{"field":"amount","direction":"DESC"}]""", true),
        ("equality_range_sort_after_cursor", """{"and":[{"field":"status","eq":"paid"},{"field":"amount","gt":5000}]}""",
            """[{"field":"amount","direction":"DESC"}]""", true),
    ];

    /// <summary>The indexes a view on each shape would hold: equality fields first, then the sort or range field.</summary>
    private static readonly (string Label, IndexedField[] Fields)[] Indexes =
    [
        ("status", [new(Path("status"))]),
        ("amount_desc", [new(Path("amount"), SortDirection.Descending)]),
        ("status_amount_desc", [new(Path("status")), new(Path("amount"), SortDirection.Descending)]),
    ];

    private static FieldPath Path(string name) => new([name]);

    private async Task<(SqliteConnectionFactory Connections, IGatherStore Store)> StoreAsync(string name)
    {
        return await SqliteTestStore.OpenAsync(System.IO.Path.Combine(_directory, name));
    }

    /// <summary>A team whose Orders model holds <paramref name="count"/> orders, with or without the views' indexes.</summary>
    private async Task<(SqliteConnectionFactory Connections, ITeamStore Team, string ModelId)> OrdersAsync(string name, int count, bool indexed)
    {
        var (connections, store) = await StoreAsync(name);
        var (team, orders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var statuses = new[] { "paid", "open", "refunded", "void" };
        foreach (var chunk in Enumerable.Range(0, count).Chunk(1000))
        {
            var result = await SeededRecordStore.RecordService.SyncAsync(team, orders.Id, chunk.Select(i => new RecordInput(new JsonObject
            {
                ["id"] = $"o{i:D7}",
                ["status"] = statuses[i % statuses.Length],
                ["amount"] = i * 7919 % 10000,
            })).ToList(), CancellationToken.None);
            Assert.Empty(result.Value!.Errors);
        }
        if (indexed)
            foreach (var (label, fields) in Indexes)
                Assert.True((await team.FieldIndexes.HoldAsync(new IndexOwner("view", label), [new FieldIndexKey(orders.Id, fields)], 20,
                    CancellationToken.None)).Held);
        return (connections, team, orders.Id);
    }

    /// <summary>The query as GraphQL builds it: checked against the model's catalogue (which says no field holds arrays).</summary>
    private static async Task<RecordQuery> QueryAsync(ITeamStore team, string modelId, (string Name, string? Where, string? Order, bool AfterCursor) shape)
    {
        var model = (await team.Models.GetAsync(modelId, CancellationToken.None))!;
        var statistics = await team.Models.GetFieldStatisticsAsync([modelId], CancellationToken.None);
        var paths = ModelPaths.For(model, FieldCatalogue.Build(model, statistics[modelId]));
        var first = SeededRecordStore.QueryBuilder.Build(QueryJson.Filter(shape.Where), QueryJson.Order(shape.Order), null, new PageInput(First: 50), paths);
        Assert.True(first.Succeeded);
        if (!shape.AfterCursor)
            return first.Value!;
        // A cursor in the middle of the order: amount 8000 and its key, as a previous page would end.
        var cursor = new RecordCursor([Scalar.Of(8000L)], "o0008000").Encode(first.Value!.Order);
        var after = SeededRecordStore.QueryBuilder.Build(QueryJson.Filter(shape.Where), QueryJson.Order(shape.Order), null,
            new PageInput(First: 50, After: cursor), paths);
        Assert.True(after.Succeeded);
        return after.Value!;
    }

    private static SqliteStatement Statement(ITeamStore team, string modelId, RecordQuery query) =>
        ((SqliteRecordStore)team.Records).PageStatement(modelId, query);

    /// <summary>EXPLAIN QUERY PLAN of a statement, one line per step, index names replaced by what they index.</summary>
    private async Task<string> PlanAsync(SqliteConnectionFactory connections, ITeamStore team, SqliteStatement statement)
    {
        var names = (await team.FieldIndexes.ListAsync(CancellationToken.None)).ToDictionary(i => i.Name, i => i.Owners[0].Id);
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await using var command = connection.Command("EXPLAIN QUERY PLAN " + statement.Sql, [.. statement.Parameters]);
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
            plan.Add(names.Aggregate(TeamRecordTables.Readable(reader.GetString(3)), (line, name) => line.Replace(name.Key, $"<{name.Value}>", StringComparison.Ordinal)));
        return string.Join(" / ", plan);
    }

    private static async Task<(int Rows, long Steps)> RunCountingStepsAsync(SqliteConnectionFactory connections, SqliteStatement statement)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        return SqliteSteps.Run(connection, statement.Sql, statement.Parameters);
    }

    [Fact]
    public async Task Every_view_shape_is_served_by_its_index_as_in_the_snapshot()
    {
        var (connections, team, modelId) = await OrdersAsync("plans.db", 400, indexed: true);
        var (bareConnections, bareTeam, bareModelId) = await OrdersAsync("bare.db", 400, indexed: false);

        var plans = new Dictionary<string, object>();
        foreach (var shape in Shapes)
        {
            plans[shape.Name] = new
            {
                indexed = await PlanAsync(connections, team, Statement(team, modelId, await QueryAsync(team, modelId, shape))),
                withoutIndex = await PlanAsync(bareConnections, bareTeam, Statement(bareTeam, bareModelId, await QueryAsync(bareTeam, bareModelId, shape))),
            };
        }

        Snapshot.Match(plans);
    }

    [Fact]
    public async Task An_indexed_page_costs_the_same_at_ten_times_the_records_and_a_sorted_scan_grows_with_them()
    {
        var small = await OrdersAsync("small.db", 2_000, indexed: true);
        var large = await OrdersAsync("large.db", 20_000, indexed: true);
        var bareSmall = await OrdersAsync("bare-small.db", 2_000, indexed: false);
        var bareLarge = await OrdersAsync("bare-large.db", 20_000, indexed: false);

        foreach (var shape in Shapes)
        {
            async Task<(int Rows, long Steps)> Run((SqliteConnectionFactory Connections, ITeamStore Team, string ModelId) at) =>
                await RunCountingStepsAsync(at.Connections, Statement(at.Team, at.ModelId, await QueryAsync(at.Team, at.ModelId, shape)));
            var (smallRows, smallSteps) = await Run(small);
            var (largeRows, largeSteps) = await Run(large);
            var (_, bareSmallSteps) = await Run(bareSmall);
            var (_, bareLargeSteps) = await Run(bareLarge);

            Assert.Equal(51, smallRows); // a page of 50 and the one that says more lie beyond
            Assert.Equal(51, largeRows);
            Assert.True(largeSteps < smallSteps * 1.5, $"{shape.Name}: {smallSteps} steps at 2,000 records, {largeSteps} at 20,000");
            // Without an index, a sorted page reads and sorts every record of the model; an unsorted
            // one walks the key index and stops after the page, so only sorted shapes must grow.
            if (shape.Order is not null)
                Assert.True(bareLargeSteps > bareSmallSteps * 5, $"{shape.Name} without an index: {bareSmallSteps} steps, then {bareLargeSteps}");
        }
    }

    [Fact]
    public async Task A_scan_tests_plain_values_and_a_field_gets_its_ordered_value_once_an_index_holds_it()
    {
        var (connections, team, modelId) = await OrdersAsync("written.db", 2_000, indexed: false);
        var shape = Shapes.Single(s => s.Name == "equality_range_sort");
        var status = "CASE json_type(data, '$.\"status\"')";

        var scan = Statement(team, modelId, await QueryAsync(team, modelId, shape));
        var (_, scanSteps) = await RunCountingStepsAsync(connections, scan);
        Assert.True((await team.FieldIndexes.HoldAsync(new IndexOwner("view", "status"), [new FieldIndexKey(modelId, [new(Path("status"))])], 20,
            CancellationToken.None)).Held);
        var indexed = Statement(team, modelId, await QueryAsync(team, modelId, shape));
        Assert.True((await team.FieldIndexes.HoldAsync(new IndexOwner("view", "status"), [], 20, CancellationToken.None)).Held);
        connections.IndexedFields.AssumeAllIndexed();
        var (_, writtenAsIndexedSteps) = await RunCountingStepsAsync(connections, Statement(team, modelId, await QueryAsync(team, modelId, shape)));

        Assert.DoesNotContain(status, scan.Sql, StringComparison.Ordinal);
        Assert.Contains(status, indexed.Sql, StringComparison.Ordinal);
        // The same scan, written as if every field were indexed, does more work per record.
        Assert.True(scanSteps < writtenAsIndexedSteps, $"{scanSteps} steps as a scan, {writtenAsIndexedSteps} written for indexes");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
