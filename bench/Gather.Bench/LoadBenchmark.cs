using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Gather.Bench;

/// <summary>
/// Mixed traffic against the server on SQLite, at concurrency 1, 8, 32 and 64, each level bounded
/// in requests and time. 70% reads (a saved view's page, or accounts → customers → projects), 25%
/// sync batches of new orders, 5% view mutations. Prints throughput, p50/p95/p99 and errors per
/// level, then checks nothing was lost: the orders and views the server holds are exactly those
/// the harness wrote. Rate limits are off (as for every benchmark server): this measures capacity.
/// </summary>
public sealed class LoadBenchmark(BenchSettings settings)
{
    private static readonly int[] Levels = [1, 8, 32, 64];
    private const int RequestsPerLevel = 1_200, SyncBatch = 50, Accounts = 40, CustomersPerAccount = 10, ProjectsPerCustomer = 3;
    private static readonly TimeSpan LevelTimeLimit = TimeSpan.FromSeconds(90);

    private const string NestedRead = """{ accounts(first: 10) { nodes { name customers(first: 5) { nodes { email related(name: "projects", first: 3) { nodes { id fields } } } } } } }""";

    public async Task<Report> RunAsync()
    {
        var report = new Report($"Load: mixed traffic (70% reads, 25% syncs of {SyncBatch}, 5% view mutations), {RequestsPerLevel} requests per level");
        var directory = Directory.CreateTempSubdirectory("gather-bench-").FullName;
        try
        {
            await using var server = await GatherServer.StartAsync(settings.ServerDll, Path.Combine(directory, "server.db"));
            using var seed = new GatherClient(server.Address, GatherServer.AdminKey);
            var (orders, projectsView) = await SeedAsync(seed);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 128 })
            {
                BaseAddress = server.Address,
                Timeout = TimeSpan.FromSeconds(60),
                DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Token", GatherServer.AdminKey) },
            };

            var syncedOrders = 0L;
            var createdViews = 0L;
            var totalErrors = 0;
            foreach (var concurrency in Levels)
            {
                var latencies = new ConcurrentBag<double>();
                var errors = new ConcurrentQueue<string>();
                var next = -1;
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
                {
                    var random = new Random(concurrency * 1_000 + worker);
                    int n;
                    while ((n = Interlocked.Increment(ref next)) < RequestsPerLevel && clock.Elapsed < LevelTimeLimit)
                    {
                        var roll = random.Next(100);
                        var started = Stopwatch.GetTimestamp();
                        string? problem;
                        if (roll < 70)
                            problem = await GraphQLAsync(http, roll % 2 == 0 ? NestedRead : ViewRead(projectsView), null);
                        else if (roll < 95)
                        {
                            problem = await SyncAsync(http, orders, concurrency, n);
                            if (problem is null)
                                Interlocked.Add(ref syncedOrders, SyncBatch);
                        }
                        else
                        {
                            problem = await GraphQLAsync(http, """mutation($n: String!, $m: ID!) { createView(input: { name: $n, modelId: $m, columns: ["amount"] }) { view { id } errors { message } } }""",
                                new JsonObject { ["n"] = $"Load view {concurrency}-{n}", ["m"] = orders });
                            if (problem is null)
                                Interlocked.Increment(ref createdViews);
                        }
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        if (problem is not null)
                            errors.Enqueue(problem);
                    }
                }));
                clock.Stop();
                var sorted = latencies.Order().ToArray();
                totalErrors += errors.Count;
                report.Figure($"concurrency {concurrency,2}",
                    $"{(sorted.Length / clock.Elapsed.TotalSeconds).ToString("0", CultureInfo.InvariantCulture),5} req/s   p50 {Percentile(sorted, 0.50),6} ms   p95 {Percentile(sorted, 0.95),6} ms   p99 {Percentile(sorted, 0.99),6} ms   {sorted.Length} requests, {errors.Count} errors");
                foreach (var error in errors.Take(3))
                    Console.WriteLine($"  error at {concurrency}: {error}");
            }

            // Nothing lost: every order the harness synced and every view it created is there.
            var storedOrders = (await seed.GraphQLAsync("query($m: ID!) { records(modelId: $m, first: 1) { totalCount } }", new JsonObject { ["m"] = orders }))
                ["records"]!["totalCount"]!.GetValue<int>();
            var storedViews = (await seed.GraphQLAsync("{ views { id } }"))["views"]!.AsArray().Count - 1;
            report.Figure("orders synced / stored", $"{syncedOrders} / {storedOrders}");
            report.Figure("views created / stored", $"{createdViews} / {storedViews}");
            report.AtMost("errors across all levels", totalErrors, 0);
            report.AtMost("writes lost (synced + created − stored)", syncedOrders + createdViews - storedOrders - storedViews, 0);
            return report;
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private static string ViewRead(string view) =>
        $$"""{ view(id: "{{view}}") { records(first: 20, order: [{ field: "seats", direction: DESC }]) { totalCount nodes { id values } } } }""";

    private static async Task<(string Orders, string ProjectsView)> SeedAsync(GatherClient client)
    {
        var models = (await client.GraphQLAsync("{ models { id name } }"))["models"]!.AsArray();
        string Model(string name) => models.Single(m => m!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();
        var accounts = new JsonArray(Enumerable.Range(0, Accounts).Select(a => (JsonNode)new JsonObject { ["name"] = $"Account {a:D3}" }).ToArray());
        var customers = new JsonArray(Enumerable.Range(0, Accounts * CustomersPerAccount).Select(c => (JsonNode)new JsonObject
        {
            ["email"] = $"c{c:D4}@example.com", ["account"] = $"Account {c / CustomersPerAccount:D3}",
        }).ToArray());
        await client.SyncAsync(Model("Account"), Encoding.UTF8.GetBytes(accounts.ToJsonString()));
        await client.SyncAsync(Model("Customer"), Encoding.UTF8.GetBytes(customers.ToJsonString()));
        var projects = await client.CreateModelAsync("Projects", "id");
        var projectRecords = new JsonArray(Enumerable.Range(0, customers.Count * ProjectsPerCustomer).Select(p => (JsonNode)new JsonObject
        {
            ["id"] = $"p{p:D5}", ["owner"] = $"c{p / ProjectsPerCustomer:D4}@example.com", ["seats"] = p % 40, ["stage"] = p % 2 == 0 ? "live" : "pilot",
        }).ToArray());
        foreach (var chunk in projectRecords.Chunk(1_000))
            await client.SyncAsync(projects, Encoding.UTF8.GetBytes(new JsonArray(chunk.Select(p => p!.DeepClone()).ToArray()).ToJsonString()));
        await client.GraphQLAsync("""
            mutation($p: ID!, $c: ID!) { createRelationship(input: { fromModelId: $p, fromField: "owner", toModelId: $c, toField: "email", name: "owner", inverseName: "projects" }) { errors { message } } }
            """, new JsonObject { ["p"] = projects, ["c"] = Model("Customer") });
        var view = (await client.GraphQLAsync("""
            mutation($p: ID!) { createView(input: { name: "Live projects", modelId: $p, columns: ["id", "seats", "owner.account"], where: { field: "stage", eq: "live" } }) { view { id } errors { message } } }
            """, new JsonObject { ["p"] = projects }))["createView"]!["view"]!["id"]!.GetValue<string>();
        var orders = await client.CreateModelAsync("Orders", "id");
        return (orders, view);
    }

    private static async Task<string?> GraphQLAsync(HttpClient http, string query, JsonObject? variables)
    {
        try
        {
            using var response = await http.PostAsync("/graphql", new StringContent(
                new JsonObject { ["query"] = query, ["variables"] = variables ?? new JsonObject() }.ToJsonString(), Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            return !response.IsSuccessStatusCode || JsonNode.Parse(text)?["errors"] is not null || text.Contains("\"errors\":[{", StringComparison.Ordinal)
                ? $"{(int)response.StatusCode}: {text[..Math.Min(200, text.Length)]}"
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return e.Message;
        }
    }

    private static async Task<string?> SyncAsync(HttpClient http, string orders, int level, int n)
    {
        var batch = new JsonArray(Enumerable.Range(0, SyncBatch).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = $"o{level}-{n}-{i}", ["amount"] = (n * SyncBatch + i) % 1_000, ["status"] = i % 3 == 0 ? "open" : "paid",
        }).ToArray());
        try
        {
            using var response = await http.PostAsync($"/models/{orders}/records", new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json"));
            return response.IsSuccessStatusCode ? null : $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return e.Message;
        }
    }

    private static string Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? "-" : Measure.Percentile(sorted, p).ToString("0.0", CultureInfo.InvariantCulture);
}
