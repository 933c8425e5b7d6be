using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Gather.Bench;

/// <summary>Team A: a well-behaved team's data and its steady mix of requests.</summary>
public sealed record TeamA(string Orders, string View)
{
    private const string Charges = """{ customers(first: 5) { nodes { email charges(first: 5) { nodes { id amount status } } } } }""";

    public static async Task<TeamA> SeedAsync(GatherClient client, int orders, string stripeKey)
    {
        var model = await client.CreateModelAsync("Orders", "id");
        foreach (var chunk in Enumerable.Range(0, orders).Chunk(1_000))
            await client.SyncAsync(model, Json(chunk.Select(i => new JsonObject
            {
                ["id"] = $"a{i}", ["amount"] = i * 37 % 10_000, ["status"] = i % 3 == 0 ? "open" : "paid", ["email"] = $"customer{i % 5}@example.com",
            })));
        var customer = await ModelIdAsync(client, "Customer");
        await client.SyncAsync(customer, Json(Enumerable.Range(0, 5).Select(i => new JsonObject { ["email"] = $"customer{i}@example.com" })));
        await client.GraphQLAsync("""mutation($k: String!) { connectStripe(input: { secretKey: $k }) { errors { message } } }""", new JsonObject { ["k"] = stripeKey });
        var view = (await client.GraphQLAsync("""
            mutation($m: ID!) { createView(input: { name: "Paid orders", modelId: $m, columns: ["id", "amount", "status"], where: { field: "status", eq: "paid" }, order: [{ field: "amount", direction: DESC }] }) { view { id } errors { message } } }
            """, new JsonObject { ["m"] = model }))["createView"]!["view"]!["id"]!.GetValue<string>();
        return new TeamA(model, view);
    }

    /// <summary>The n-th request of the mix: two view pages, a filtered page, a sync batch, five customers' charges.</summary>
    public async Task<string?> RequestAsync(HttpClient http, int n)
    {
        try
        {
            switch (n % 5)
            {
                case 0 or 1:
                    return Problem(await HostileBenchmark.PostAsync(http, $$"""{ view(id: "{{View}}") { records(first: 20) { totalCount nodes { id values } } } }""", null));
                case 2:
                    return Problem(await HostileBenchmark.PostAsync(http, """query($m: ID!) { records(modelId: $m, first: 20, where: { field: "amount", gt: 5000 }, order: [{ field: "amount" }]) { totalCount nodes { id } } }""",
                        new JsonObject { ["m"] = Orders }));
                case 3:
                    using (var content = new ByteArrayContent(Json(Enumerable.Range(0, 10).Select(i => new JsonObject { ["id"] = $"s{n}-{i}", ["amount"] = i, ["status"] = "paid" }))))
                    {
                        content.Headers.ContentType = new("application/json");
                        using var response = await http.PostAsync($"/models/{Orders}/records", content);
                        return response.IsSuccessStatusCode ? null : $"sync {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                    }
                default:
                    return Problem(await HostileBenchmark.PostAsync(http, Charges, null));
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return e.Message;
        }
    }

    private static string? Problem((int Status, string? Code, double Milliseconds) answer) =>
        answer is { Status: 200, Code: null } ? null : $"{answer.Status} {answer.Code}";

    internal static byte[] Json(IEnumerable<JsonObject> records) => Encoding.UTF8.GetBytes(new JsonArray(records.ToArray<JsonNode>()).ToJsonString());

    internal static async Task<string> ModelIdAsync(GatherClient client, string name) =>
        (await client.GraphQLAsync("{ models { id name } }"))["models"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();
}

/// <summary>Team B: a tenant with an admin key who sends the most expensive work it can, from several connections at once.</summary>
public sealed class Attacker(HttpClient http, Attacker.Seeded seeded)
{
    public sealed record Seeded(string Orders, string Integration);

    private const int ChargeFields = 40;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, int>> _outcomes = new();
    private readonly ConcurrentBag<double> _refusals = [];
    private double _slowestRefusal;
    private int _abusiveAccepted;

    public IReadOnlyDictionary<string, string> Outcomes => _outcomes.ToDictionary(o => o.Key, o => HostileBenchmark.Count(o.Value));

    public double SlowestRefusalMilliseconds => Volatile.Read(ref _slowestRefusal);

    public int AbusiveAccepted => Volatile.Read(ref _abusiveAccepted);

    public static async Task<Seeded> SeedAsync(GatherClient client, int orders, int customers, string stripeKey)
    {
        var model = await client.CreateModelAsync("Orders", "id");
        foreach (var chunk in Enumerable.Range(0, orders).Chunk(1_000))
            await client.SyncAsync(model, TeamA.Json(chunk.Select(i =>
            {
                var record = new JsonObject { ["id"] = $"b{i}", ["amount"] = i };
                for (var f = 0; f < ChargeFields; f++)
                    record[$"f{f}"] = $"ch_{i % 700:D6}";
                return record;
            })));
        var customer = await TeamA.ModelIdAsync(client, "Customer");
        foreach (var chunk in Enumerable.Range(0, customers).Chunk(1_000))
            await client.SyncAsync(customer, TeamA.Json(chunk.Select(i => new JsonObject { ["email"] = $"customer{i}@example.com" })));
        var integration = (await client.GraphQLAsync("""mutation($k: String!) { connectStripe(input: { secretKey: $k }) { integration { id } errors { message } } }""",
            new JsonObject { ["k"] = stripeKey }))["connectStripe"]!["integration"]!["id"]!.GetValue<string>();
        return new Seeded(model, integration);
    }

    /// <summary>Runs every kind of attack from its own workers until cancelled.</summary>
    public Task RunAsync(CancellationToken stop) => Task.WhenAll(
        Worker("abusive documents", 2, stop, AbusiveAsync),
        Worker("largest allowed page", 2, stop, (n, token) => Record("largest allowed page", HostileBenchmark.PostAsync(http,
            """query($m: ID!) { a: records(modelId: $m, first: 1000, order: [{ field: "amount", direction: DESC }]) { totalCount nodes { id fields } } b: records(modelId: $m, first: 1000, search: "ch_000") { totalCount nodes { id fields } } }""",
            new JsonObject { ["m"] = seeded.Orders }, token))),
        Worker("Stripe fan-out", 2, stop, (n, token) => Record("Stripe fan-out", HostileBenchmark.PostAsync(http,
            """{ customers(first: 500) { nodes { email charges(first: 10) { nodes { id amount } } } } }""", null, token))),
        Worker("index churn", 1, stop, ChurnAsync));

    private async Task AbusiveAsync(int n, CancellationToken token)
    {
        var (_, document) = HostileDocuments.All[n % HostileDocuments.All.Count];
        var started = Stopwatch.GetTimestamp();
        (int Status, string? Code, double Milliseconds) answer;
        try
        {
            answer = await HostileBenchmark.PostAsync(http, document, new JsonObject { ["m"] = seeded.Orders }, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Still unanswered when the attack ended: it took at least this long.
            var waited = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Count("abusive documents", waited > 50 ? "unanswered after 50 ms when the attack ended" : "in flight when the attack ended");
            if (waited > 50)
                Slowest(waited);
            throw;
        }
        Tally("abusive documents", answer);
        if (answer is { Status: 200, Code: null })
            Interlocked.Increment(ref _abusiveAccepted);
        else if (answer.Code is not "RATE_LIMITED")
        {
            _refusals.Add(answer.Milliseconds);
            Slowest(answer.Milliseconds);
        }
    }

    /// <summary>How long refusals of abusive documents took: median, 99th percentile and count.</summary>
    public string RefusalTimes()
    {
        var sorted = _refusals.Order().ToArray();
        if (sorted.Length == 0)
            return "none refused";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"p50 {Measure.Percentile(sorted, 0.5):0.0} ms   p99 {Measure.Percentile(sorted, 0.99):0.0} ms   max {sorted[^1]:0.0} ms   {sorted.Length} refused");
    }

    private void Slowest(double milliseconds)
    {
        double seen;
        while (milliseconds > (seen = Volatile.Read(ref _slowestRefusal))
               && Interlocked.CompareExchange(ref _slowestRefusal, milliseconds, seen) != seen) { }
    }

    private async Task ChurnAsync(int n, CancellationToken token)
    {
        using var created = await http.PostAsync("/graphql", Body("""
            mutation($i: ID!, $m: ID!, $f: String!) { createIntegrationTask(input: { integrationId: $i, kind: SYNC_STRIPE_CHARGES, options: { modelId: $m, chargeIdField: $f } }) { task { id } errors { message } } }
            """, new JsonObject { ["i"] = seeded.Integration, ["m"] = seeded.Orders, ["f"] = $"f{n % ChargeFields}" }), token);
        var answer = JsonNode.Parse(await created.Content.ReadAsStringAsync(token));
        var task = answer?["data"]?["createIntegrationTask"]?["task"]?["id"]?.GetValue<string>();
        // A refusal names its reason (its error code, else the first words of its message), so the
        // report tells the limit working from a mistake in the benchmark's own requests.
        var error = answer?["errors"]?[0] ?? answer?["data"]?["createIntegrationTask"]?["errors"]?[0];
        var reason = error?["extensions"]?["code"]?.GetValue<string>() ?? string.Concat((error?["message"]?.GetValue<string>() ?? "").Take(60));
        Count("index churn", task is null ? $"create refused ({(int)created.StatusCode}): {reason}" : "task created");
        if (task is not null)
            (await http.PostAsync("/graphql", Body("mutation($t: ID!) { deleteIntegrationTask(input: { id: $t }) { errors { message } } }",
                new JsonObject { ["t"] = task }), token)).Dispose();
    }

    private static StringContent Body(string query, JsonObject variables) =>
        new(new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString(), Encoding.UTF8, "application/json");

    private async Task Record(string kind, Task<(int Status, string? Code, double Milliseconds)> request) => Tally(kind, await request);

    private void Tally(string kind, (int Status, string? Code, double Milliseconds) answer) =>
        Count(kind, answer.Code is null ? $"{answer.Status} ok" : $"{answer.Status} {answer.Code}");

    private void Count(string kind, string outcome) =>
        _outcomes.GetOrAdd(kind, _ => new()).AddOrUpdate(outcome, 1, (_, n) => n + 1);

    private async Task Worker(string kind, int copies, CancellationToken stop, Func<int, CancellationToken, Task> attack)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, copies).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await attack(Interlocked.Increment(ref next), stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpRequestException e)
                {
                    Count(kind, "connection: " + e.Message);
                }
            }
        }));
    }
}
