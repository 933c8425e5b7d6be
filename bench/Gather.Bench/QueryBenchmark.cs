using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Views.Operations;
using Microsoft.Extensions.Options;

namespace Gather.Bench;

/// <summary>
/// Views at index speed: the shapes a view asks for (a filtered, sorted page; an equality
/// filter; a sort alone; a page after a cursor deep in the order; a search) through GraphQL over
/// HTTP with the view's indexes, against the same statement run directly on the adapter on the
/// same file, then again with no index at all; and what indexes cost a sync, with 0, 2 and 8 of
/// them on the model.
/// </summary>
public sealed class QueryBenchmark(BenchSettings settings)
{
    private const int BatchSize = 1_000;
    private const int SyncProbeRecords = 20_000;

    /// <summary>The store round trips of the last GraphQL page compared (the server's own count), to tell fixed costs from the query's.</summary>
    private int RoundTrips { get; set; }

    private static readonly RecordQueryBuilder Builder = new(Options.Create(new QueryOptions()), Options.Create(new SyncOptions()));

    /// <summary>One shape: its GraphQL arguments and the same arguments as the query builder takes them.</summary>
    private sealed record Shape(string Name, string Arguments, FilterInput? Where, IReadOnlyList<SortInput>? Order, string? Search, bool DeepCursor);

    private static FilterInput Field(string field, FilterOperator op, JsonNode value) => new(null, null, null, field, [(op, value)]);

    private static readonly Shape[] Shapes =
    [
        new("filtered, sorted page", """where: { and: [{ field: "status", eq: "paid" }, { field: "amount", gt: 5000 }] }, order: [{ field: "amount", direction: DESC }]""",
            new FilterInput([Field("status", FilterOperator.Eq, "paid"), Field("amount", FilterOperator.Gt, 5000)], null, null, null, []),
            [new SortInput("amount", SortDirection.Descending)], null, false),
        new("equality filter", """where: { field: "currency", eq: "eur" }""", Field("currency", FilterOperator.Eq, "eur"), null, null, false),
        new("sort only", """order: [{ field: "placedAt", direction: DESC }]""", null, [new SortInput("placedAt", SortDirection.Descending)], null, false),
        new("page after a cursor", """order: [{ field: "placedAt", direction: DESC }]""", null, [new SortInput("placedAt", SortDirection.Descending)], null, true),
        new("search", """search: "customer4321@" """, null, null, "customer4321@", false),
    ];

    /// <summary>The indexes views on these shapes hold: equality fields first, then the sort or range field.</summary>
    private static readonly IndexedField[][] ViewIndexes =
    [
        [new(Path("status")), new(Path("amount"), SortDirection.Descending)],
        [new(Path("currency"))],
        [new(Path("placedAt"), SortDirection.Descending)],
    ];

    private static FieldPath Path(string name) => new([name]);

    public async Task<Report> RunAsync()
    {
        var records = settings.Records;
        var report = new Report($"Views at index speed: {records.ToString("N0", CultureInfo.InvariantCulture)} orders, SQLite" +
            (settings.Models > 3 ? $", the team holding {settings.Models} models" : ""));
        var directory = Directory.CreateTempSubdirectory("gather-bench-").FullName;
        try
        {
            var databasePath = System.IO.Path.Combine(directory, "server.db");
            await using var server = await GatherServer.StartAsync(settings.ServerDll, databasePath);
            using var client = new GatherClient(server.Address, GatherServer.AdminKey);
            var teamId = (await client.GraphQLAsync("{ viewer { team { id } } }"))["viewer"]!["team"]!["id"]!.GetValue<string>();
            var direct = DirectStore.Open(databasePath, teamId);

            Console.WriteLine($"Syncing {records:N0} orders…");
            var modelId = await client.CreateModelAsync("Orders", OrderDocuments.IdField);
            for (var from = 0; from < records; from += BatchSize)
                await client.SyncAsync(modelId, Body(from, Math.Min(BatchSize, records - from)));

            // The team starts with Account, Customer and now the orders.
            await AddSmallModelsAsync(client, settings.Models - 3);
            await SearchIndexCaughtUpAsync(databasePath);

            var owner = new IndexOwner("bench", "views");
            var built = await Measure.TimeAsync(() => direct.FieldIndexes.HoldAsync(owner,
                ViewIndexes.Select(fields => new FieldIndexKey(modelId, fields)).ToList(), 20, CancellationToken.None));
            report.Figure("building the views' 3 indexes", Report.Millis(built));

            var queries = new List<(Shape Shape, RecordQuery Query, string Document, JsonObject Variables)>();
            foreach (var shape in Shapes)
                queries.Add(await PrepareAsync(direct, modelId, shape));
            await WarmUpAsync(client, direct, modelId, queries);
            // Once the team's schema is built and cached, as on a server that has been up a while.
            await CompareAsync(client, direct, modelId, queries[0].Query, queries[0].Document, queries[0].Variables);
            report.Figure("store round trips of one GraphQL page", RoundTrips.ToString(CultureInfo.InvariantCulture));

            Console.WriteLine("Round trips that do no work…");
            var (http, typename, catalogue) = await FloorAsync(client, direct, modelId);
            report.Figure("HTTP round trip, no work (GET /health/live)", http.ToString());
            report.Figure("GraphQL round trip, no data ({ __typename })", typename.ToString());
            report.Figure("the model with its catalogue: adapter", catalogue.ToString());

            Console.WriteLine("Pages with the views' indexes: GraphQL against the adapter…");
            var indexed = new Dictionary<string, (Timings GraphQL, Timings Adapter)>();
            foreach (var (shape, query, document, variables) in queries)
                indexed[shape.Name] = await CompareAsync(client, direct, modelId, query, document, variables);

            await direct.FieldIndexes.HoldAsync(owner, [], 20, CancellationToken.None);
            Console.WriteLine("The same pages with no index…");
            var scanned = new Dictionary<string, (Timings GraphQL, Timings Adapter)>();
            foreach (var (shape, query, document, variables) in queries)
                scanned[shape.Name] = await CompareAsync(client, direct, modelId, query, document, variables);

            foreach (var (shape, _, _, _) in queries)
            {
                var (graphQL, adapter) = indexed[shape.Name];
                report.Figure($"{shape.Name}: GraphQL, indexed", graphQL.ToString());
                report.Figure($"{shape.Name}: adapter, indexed", adapter.ToString());
                report.Figure($"{shape.Name}: GraphQL, no index", scanned[shape.Name].GraphQL.ToString());
                report.Figure($"{shape.Name}: adapter, no index", scanned[shape.Name].Adapter.ToString());
            }

            Console.WriteLine($"Sync cost of indexes: {SyncProbeRecords:N0} orders into models with 0, 2 and 8 indexes…");
            // On a server of its own whose search index waits (600 s), so the syncs compete with
            // nothing but the field indexes they measure.
            var probePath = System.IO.Path.Combine(directory, "probe.db");
            await using var probeServer = await GatherServer.StartAsync(settings.ServerDll, probePath,
                new Dictionary<string, string> { ["Gather__Storage__Sqlite__SearchIndexIntervalMilliseconds"] = "600000" });
            using var probeClient = new GatherClient(probeServer.Address, GatherServer.AdminKey);
            var probeTeam = DirectStore.Open(probePath,
                (await probeClient.GraphQLAsync("{ viewer { team { id } } }"))["viewer"]!["team"]!["id"]!.GetValue<string>());
            var rates = new Dictionary<int, double>();
            await SyncRateAsync(probeClient, probeTeam, 0); // warm-up
            foreach (var count in new[] { 0, 2, 8, 0, 2, 8 })
                rates[count] = Math.Max(rates.GetValueOrDefault(count), await SyncRateAsync(probeClient, probeTeam, count));
            foreach (var (count, rate) in rates)
                report.Figure($"sync with {count} indexes", $"{rate.ToString("N0", CultureInfo.InvariantCulture)} records/s");

            var page = indexed[Shapes[0].Name];
            // A GraphQL page costs at least a GraphQL round trip that reads no data, the read of the
            // catalogue its paths are checked against, and the adapter's statement: that sum over the
            // statement bounds the ratio from below.
            report.Figure("filtered, sorted page: lowest GraphQL / adapter possible",
                Report.Format((typename.P50 + catalogue.P50 + page.Adapter.P50) / page.Adapter.P50));
            report.Figure("filtered, sorted page: GraphQL - adapter (p50)",
                $"{(page.GraphQL.P50 - page.Adapter.P50).ToString("0.00", CultureInfo.InvariantCulture)} ms");
            report.AtMost("filtered, sorted page: GraphQL / adapter (p50)", page.GraphQL.P50 / page.Adapter.P50, 1.5);
            report.AtMost("filtered, sorted page, indexed: GraphQL p50 / 5 ms", page.GraphQL.P50 / 5.0, 1.0);
            if (records <= 10_000)
                report.AtMost("filtered, sorted page, no index: GraphQL p50 / 10 ms", scanned[Shapes[0].Name].GraphQL.P50 / 10.0, 1.0);
            report.AtMost("search: GraphQL p50 / 50 ms", indexed["search"].GraphQL.P50 / 50.0, 1.0);
            report.AtLeast("sync with 2 indexes / with none", rates[2] / rates[0], 0.8);
            return report;
        }
        finally
        {
            DirectStore.ReleaseFiles();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    /// <summary>
    /// Models beside the orders, each with two records of a few fields, as a team that has wired
    /// many sources in holds them: a page's checks read the team's models and their catalogues.
    /// </summary>
    private static async Task AddSmallModelsAsync(GatherClient client, int count)
    {
        if (count > 0)
            Console.WriteLine($"Adding {count} small models…");
        for (var i = 0; i < count; i++)
        {
            var modelId = await client.CreateModelAsync($"Source{i}", "id");
            var rows = new JsonArray(
                new JsonObject { ["id"] = "a", ["status"] = "open", ["amount"] = i, ["owner"] = new JsonObject { ["email"] = $"owner{i}@example.com" } },
                new JsonObject { ["id"] = "b", ["total"] = i * 2, ["tags"] = new JsonArray("x", "y") });
            await client.SyncAsync(modelId, Encoding.UTF8.GetBytes(rows.ToJsonString()));
        }
    }

    /// <summary>
    /// The shape as the adapter query GraphQL's resolver builds (checked against the model's
    /// catalogue, so the SQL is the same) and as a GraphQL document; a deep cursor is the one of
    /// the record in the middle of the order.
    /// </summary>
    private async Task<(Shape, RecordQuery, string, JsonObject)> PrepareAsync(ITeamStore team, string modelId, Shape shape)
    {
        var model = (await team.Models.GetAsync(modelId, CancellationToken.None))!;
        var statistics = await team.Models.GetFieldStatisticsAsync([modelId], CancellationToken.None);
        var paths = ModelPaths.For(model, FieldCatalogue.Build(model, statistics[modelId]));
        string? after = null;
        if (shape.DeepCursor)
        {
            var order = Builder.Build(null, shape.Order, null, new PageInput(First: 1), paths).Value!.Order;
            var middle = OrderDocuments.Order(settings.Records / 2);
            var stored = (await team.Records.GetManyAsync(modelId, [middle["id"]!.GetValue<string>()], CancellationToken.None)).Single();
            after = RecordCursor.For(stored, order).Encode(order);
        }
        var built = Builder.Build(shape.Where, shape.Order, shape.Search, new PageInput(First: 50, After: after), paths);
        var query = built.Value ?? throw new InvalidOperationException(string.Join("; ", built.Problems.Select(p => p.Message)));
        var document = $$"""
            query($m: ID!, $after: String) {
              records(modelId: $m, first: 50, after: $after, {{shape.Arguments}}) { nodes { id fields } pageInfo { hasNextPage endCursor } }
            }
            """;
        return (shape, query, document, new JsonObject { ["m"] = modelId, ["after"] = after });
    }

    private async Task<(Timings GraphQL, Timings Adapter)> CompareAsync(GatherClient client, ITeamStore team, string modelId,
        RecordQuery query, string document, JsonObject variables)
    {
        var graphQLIds = (await client.GraphQLAsync(document, variables))["records"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        RoundTrips = client.LastRoundTrips;
        var adapterIds = (await team.Records.QueryAsync(modelId, query, CancellationToken.None)).Records.Select(r => r.Key).ToList();
        if (!graphQLIds.SequenceEqual(adapterIds) || graphQLIds.Count == 0)
            throw new InvalidOperationException("GraphQL and the adapter returned different pages; the comparison would be meaningless.");
        // Checked once above with the answer parsed; timed below as the bytes a client waits for.
        var body = GatherClient.GraphQLBody(document, variables);
        var times = await Measure.AlternatelyAsync(settings.Warmups, settings.Runs,
            () => team.Records.QueryAsync(modelId, query, CancellationToken.None), () => client.SendAsync(body));
        return (new Timings(times[1]), new Timings(times[0]));
    }

    /// <summary>
    /// What a page pays besides its statement, timed alternately like the pages: an HTTP round
    /// trip to a handler that does no work; a GraphQL operation that reads no data (the key is
    /// looked up, the document parsed, validated and run, the answer written); and, on the adapter,
    /// the read of the model with its catalogue, which a page naming paths needs to check them
    /// (unknown fields are errors, not empty pages). A page through GraphQL cannot take less than
    /// the last two plus the adapter's statement.
    /// </summary>
    private async Task<(Timings Http, Timings TypeName, Timings Catalogue)> FloorAsync(GatherClient client, ITeamStore team, string modelId)
    {
        var body = GatherClient.GraphQLBody("{ __typename }");
        var times = await Measure.AlternatelyAsync(settings.Warmups, settings.Runs, () => client.GetAsync("/health/live"),
            () => client.SendAsync(body), () => team.Models.GetWithFieldStatisticsAsync(modelId, CancellationToken.None));
        return (new Timings(times[0]), new Timings(times[1]), new Timings(times[2]));
    }

    /// <summary>
    /// Brings both sides to steady state before anything is timed: a server runs for days, so its
    /// request path is measured once the runtime has recompiled it with full optimisation (tiered
    /// compilation does that after a method's first few dozen calls, not within a few warm-ups, and
    /// keeps postponing it while new code still runs for the first time). Every shape, both ways,
    /// and the catalogue read <see cref="FloorAsync"/> times, for at most 30 s or 20,000 rounds:
    /// after 5 s the indexed filtered page still took 2.5 ms p50 through GraphQL, after 30 s
    /// 1.9 ms (10,000 orders, 2026-12-03).
    /// </summary>
    private static async Task WarmUpAsync(GatherClient client, ITeamStore team, string modelId,
        List<(Shape Shape, RecordQuery Query, string Document, JsonObject Variables)> queries)
    {
        var bodies = queries.Select(q => GatherClient.GraphQLBody(q.Document, q.Variables)).ToList();
        var until = Stopwatch.StartNew();
        for (var round = 0; round < 20_000 && until.Elapsed < TimeSpan.FromSeconds(30); round++)
        {
            var i = round % queries.Count;
            await client.SendAsync(bodies[i]);
            await team.Records.QueryAsync(modelId, queries[i].Query, CancellationToken.None);
            if (i == 0)
                await team.Models.GetWithFieldStatisticsAsync(modelId, CancellationToken.None);
        }
    }

    /// <summary>REST sync rate into a fresh model holding <paramref name="indexes"/> indexes (held before the first record); the best of two rounds is reported.</summary>
    private static async Task<double> SyncRateAsync(GatherClient client, ITeamStore team, int indexes)
    {
        var modelId = await client.CreateModelAsync($"Orders{indexes}_{Guid.NewGuid():N}", OrderDocuments.IdField);
        string[] fields = ["status", "amount", "currency", "placedAt", "note", "customer.email", "customer.name", "id"];
        if (indexes > 0)
            await team.FieldIndexes.HoldAsync(new IndexOwner("bench", modelId),
                fields.Take(indexes).Select(f => new FieldIndexKey(modelId, new FieldPath(f.Split('.')))).ToList(), 20, CancellationToken.None);
        var bodies = Enumerable.Range(0, SyncProbeRecords / BatchSize).Select(b => Body(b * BatchSize, BatchSize)).ToList();
        var watch = Stopwatch.StartNew();
        foreach (var body in bodies)
            await client.SyncAsync(modelId, body);
        return SyncProbeRecords / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Waits (at most ten minutes) until the search index has taken in every synced record: it
    /// catches up after syncs, holding the write lock a batch at a time, so timings taken while it
    /// works would measure it too.
    /// </summary>
    private static async Task SearchIndexCaughtUpAsync(string databasePath)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var pending = connection.CreateCommand();
        pending.CommandText = "SELECT count(*) FROM search_pending";
        var waited = Stopwatch.StartNew();
        while ((long)(await pending.ExecuteScalarAsync())! > 0)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(10))
                throw new TimeoutException("The search index did not catch up within ten minutes.");
            await Task.Delay(200);
        }
    }

    private static byte[] Body(int from, int count) => Encoding.UTF8.GetBytes(OrderDocuments.Batch(from, count).ToJsonString());
}
