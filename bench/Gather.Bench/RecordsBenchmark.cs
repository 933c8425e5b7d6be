using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Records.Querying;
using Microsoft.Extensions.Options;

namespace Gather.Bench;

/// <summary>
/// The models-and-records benchmark: <c>N</c> orders synced over REST in batches against the
/// adapter's own bulk upserts of the same documents, then one filtered, sorted page of 50
/// through GraphQL against the same query run directly on the adapter, and the server's peak
/// memory through the sync.
/// </summary>
public sealed class RecordsBenchmark(BenchSettings settings)
{
    private const int BatchSize = 1_000;
    private const int PageSize = 50;


    // status = paid AND amount >= 5000, highest amount first, newest first among equals.
    private const string PageQuery = """
        query($model: ID!) {
          records(modelId: $model,
                  where: { and: [{ field: "status", eq: "paid" }, { field: "amount", gte: 5000 }] },
                  order: [{ field: "amount", direction: DESC }, { field: "placedAt", direction: DESC }],
                  first: 50) {
            nodes { id fields updatedAt }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    private const string FirstPageQuery = """
        query($model: ID!) { records(modelId: $model, first: 50) { nodes { id fields updatedAt } pageInfo { hasNextPage endCursor } } }
        """;

    public async Task<Report> RunAsync()
    {
        var records = settings.Records;
        var report = new Report($"Models and records: {records.ToString("N0", CultureInfo.InvariantCulture)} orders, SQLite");
        var directory = Directory.CreateTempSubdirectory("gather-bench-").FullName;
        try
        {
            Console.WriteLine($"Preparing {records:N0} orders in batches of {BatchSize:N0}…");
            var batches = Enumerable.Range(0, (records + BatchSize - 1) / BatchSize)
                .Select(b => (From: b * BatchSize, Count: Math.Min(BatchSize, records - b * BatchSize)))
                .ToList();

            // Baseline: the adapter's bulk upsert of the documents already normalized. The API: the
            // documented REST call with a JSON array per batch, serialized before the clock starts.
            // Batches alternate between the two, so a noisy neighbour slows both alike.
            var direct = await DirectStore.CreateAsync(Path.Combine(directory, "direct.db"));
            await using var server = await GatherServer.StartAsync(settings.ServerDll, Path.Combine(directory, "server.db"));
            using var client = new GatherClient(server.Address, GatherServer.AdminKey);
            var startupMemory = server.PeakResidentBytes();

            Console.WriteLine("Warming up both sides…");
            var directWarmup = await direct.CreateModelAsync("Warmup", OrderDocuments.IdField);
            var serverWarmup = await client.CreateModelAsync("Warmup", OrderDocuments.IdField);
            foreach (var (from, count) in batches.Take(settings.WarmupBatches))
            {
                await direct.Team.Records.SyncAsync(directWarmup.Id, Patches(from, count), DateTimeOffset.UtcNow, CancellationToken.None);
                await client.SyncAsync(serverWarmup, Body(from, count));
            }

            Console.WriteLine("Syncing: adapter bulk upserts and REST batches, alternating…");
            var directModel = await direct.CreateModelAsync("Orders", OrderDocuments.IdField);
            var modelId = await client.CreateModelAsync("Orders", OrderDocuments.IdField);
            TimeSpan directSync = TimeSpan.Zero, apiSync = TimeSpan.Zero;
            foreach (var (from, count) in batches)
            {
                var patches = Patches(from, count);
                var body = Body(from, count);
                directSync += await Measure.TimeAsync(() => direct.Team.Records.SyncAsync(directModel.Id, patches, DateTimeOffset.UtcNow, CancellationToken.None));
                apiSync += await Measure.TimeAsync(() => client.SyncAsync(modelId, body));
            }
            var syncMemory = server.PeakResidentBytes();

            var total = (await client.GraphQLAsync("query($m: ID!) { records(modelId: $m) { totalCount } }",
                new JsonObject { ["m"] = modelId }))["records"]!["totalCount"]!.GetValue<long>();
            if (total != records)
                throw new InvalidOperationException($"The server holds {total} records after the sync, not {records}.");

            // One page: GraphQL over HTTP against the adapter's QueryAsync for the same query.
            Console.WriteLine("Page of 50: GraphQL against the adapter…");
            var query = PageOfPaidOrders();
            var variables = new JsonObject { ["model"] = modelId };
            var graphQLIds = (await client.GraphQLAsync(PageQuery, variables))["records"]!["nodes"]!.AsArray()
                .Select(n => n!["id"]!.GetValue<string>()).ToList();
            var directIds = (await direct.Team.Records.QueryAsync(directModel.Id, query, CancellationToken.None)).Records.Select(r => r.Key).ToList();
            if (!graphQLIds.SequenceEqual(directIds) || graphQLIds.Count != PageSize)
                throw new InvalidOperationException("GraphQL and the adapter returned different pages; the comparison would be meaningless.");

            var (directPage, graphQLPage) = await Measure.MediansAsync(settings.Warmups, settings.Runs,
                () => direct.Team.Records.QueryAsync(directModel.Id, query, CancellationToken.None),
                () => client.GraphQLAsync(PageQuery, variables));

            // The filtered page scans the model (no index on status or amount), which hides what
            // GraphQL and HTTP add; a first page in ID order uses the key index and shows it.
            var byId = new RecordQuery(null, [], [], new PageRequest(PageSize, false, null));
            var (directFirst, graphQLFirst) = await Measure.MediansAsync(settings.Warmups, settings.Runs,
                () => direct.Team.Records.QueryAsync(directModel.Id, byId, CancellationToken.None),
                () => client.GraphQLAsync(FirstPageQuery, variables));

            report.Figure("adapter bulk upsert", $"{Rate(records, directSync)} records/s ({Report.Millis(directSync)})");
            report.Figure("REST sync (batches of 1,000)", $"{Rate(records, apiSync)} records/s ({Report.Millis(apiSync)})");
            report.Figure("adapter page of 50 (median)", Report.Millis(directPage));
            report.Figure("GraphQL page of 50 (median)", Report.Millis(graphQLPage));
            report.Figure("adapter first page by ID (median)", Report.Millis(directFirst));
            report.Figure("GraphQL first page by ID (median)", $"{Report.Millis(graphQLFirst)} (ratio {Report.Format(graphQLFirst / directFirst)}, no target)");
            report.Figure("server memory after start", Report.Megabytes(startupMemory));
            report.Figure("server peak memory through the sync", Report.Megabytes(syncMemory));
            report.AtLeast("sync throughput: REST / adapter", directSync / apiSync, 0.5);
            report.AtMost("page of 50: GraphQL / adapter", graphQLPage / directPage, 2.0);
            report.AtMost("server peak memory / 500 MB", syncMemory / (500.0 * 1024 * 1024), 1.0);
            return report;
        }
        finally
        {
            DirectStore.ReleaseFiles();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    /// <summary>The page query as GraphQL's resolver builds it, through the same builder and limits.</summary>
    private static RecordQuery PageOfPaidOrders()
    {
        var builder = new RecordQueryBuilder(Options.Create(new QueryOptions()), Options.Create(new SyncOptions()));
        var where = new FilterInput(
            And:
            [
                new FilterInput(null, null, null, "status", [(FilterOperator.Eq, JsonValue.Create("paid"))]),
                new FilterInput(null, null, null, "amount", [(FilterOperator.Gte, JsonValue.Create(5000))]),
            ],
            Or: null, Not: null, Field: null, Operators: []);
        var built = builder.Build(where, [new SortInput("amount", SortDirection.Descending), new SortInput("placedAt", SortDirection.Descending)],
            null, new PageInput(First: PageSize));
        return built.Value ?? throw new InvalidOperationException(string.Join("; ", built.Problems.Select(p => p.Message)));
    }

    private static List<RecordPatch> Patches(int from, int count) =>
        Enumerable.Range(from, count).Select((n, i) =>
        {
            var order = OrderDocuments.Order(n);
            return new RecordPatch(i, order["id"]!.GetValue<string>(), order);
        }).ToList();

    private static byte[] Body(int from, int count) => Encoding.UTF8.GetBytes(OrderDocuments.Batch(from, count).ToJsonString());

    private static string Rate(int records, TimeSpan time) =>
        (records / time.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);
}
