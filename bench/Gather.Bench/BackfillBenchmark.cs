using Gather.Infrastructure.Integrations.StripeIntegration;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gather.FakeStripe;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Records;

namespace Gather.Bench;

/// <summary>
/// Sync Stripe Charges backfilling 10,000 charges (from the fake Stripe in this process, answering
/// at once) onto 10,000 orders in the Gather server, against the same records updated straight
/// through the SQLite adapter in pages of 100. Also counts the backfill's store round trips,
/// which the server logs when the run finishes.
/// </summary>
public sealed partial class BackfillBenchmark(BenchSettings settings)
{
    // 3,333 customers, 2,500 of them with charges (n % 4 != 3), 4 each: 10,000 charges.
    private const int Customers = 3_333, ChargesPerCustomer = 4, Charges = 10_000, PageSize = StripeChargesSync.PageSize;
    private const string SecretKey = "sk_test_gather_bench_backfill_0123";

    public async Task<Report> RunAsync()
    {
        var report = new Report($"Backfill: Sync Stripe Charges, {Charges:N0} charges onto {Charges:N0} orders");
        var directory = Directory.CreateTempSubdirectory("gather-bench-").FullName;
        await using var stripe = await FakeStripeHost.StartAsync(o =>
        {
            o.SecretKey = SecretKey;
            o.Customers = Customers;
            o.ChargesPerCustomer = ChargesPerCustomer;
        });
        try
        {
            var stripeAddress = stripe.Address;
            var chargeIds = Enumerable.Range(0, Customers).Where(c => c % 4 != 3)
                .SelectMany(c => Enumerable.Range(0, ChargesPerCustomer).Select(k => StripeObjects.ChargeId(c, k))).ToList();
            var orders = chargeIds.Select((id, i) => new JsonObject { ["id"] = $"order-{i}", ["amount"] = i % 500, ["stripe_charge_id"] = id }).ToList();

            var (backfill, wall, trips, scanned, updated) = await BackfillAsync(Path.Combine(directory, "server.db"), stripeAddress, orders);
            var baseline = await RawUpdatesAsync(Path.Combine(directory, "direct.db"), orders);

            report.Figure("backfill run, startedAt to finishedAt", $"{Report.Millis(backfill)} ({Rate(backfill)} charges/s)");
            report.Figure("from createIntegrationTask to SUCCEEDED seen", Report.Millis(wall));
            report.Figure("raw adapter updates, pages of 100 (baseline)", $"{Report.Millis(baseline)} ({Rate(baseline)} records/s)");
            report.Figure("charges scanned / records updated", $"{scanned:N0} / {updated:N0}");
            report.Figure("store round trips of the backfill", $"{trips} for {Charges / PageSize} pages ({Report.Format((double)trips / (Charges / PageSize))} per page)");
            report.AtLeast("backfill throughput / raw adapter updates", baseline / backfill, 0.3);
            return report;
        }
        finally
        {
            DirectStore.ReleaseFiles();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private static string Rate(TimeSpan time) => (Charges / time.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);

    private async Task<(TimeSpan Run, TimeSpan Wall, int Trips, long Scanned, long Updated)> BackfillAsync(string databasePath, string stripeAddress, List<JsonObject> orders)
    {
        await using var server = await GatherServer.StartAsync(settings.ServerDll, databasePath, new Dictionary<string, string>
        {
            ["Gather:Stripe:ApiBase"] = stripeAddress,
            ["Gather:Tasks:SyncStripeCustomersOnConnect"] = "false",
            ["Logging:LogLevel:Gather.Infrastructure.IntegrationTasks.IntegrationTaskRunner"] = "Information",
        });
        using var client = new GatherClient(server.Address, GatherServer.AdminKey);
        var integration = (await client.GraphQLAsync("""mutation($k: String!) { connectStripe(input: { secretKey: $k }) { integration { id } errors { message } } }""",
            new JsonObject { ["k"] = SecretKey }))["connectStripe"]!["integration"]!["id"]!.GetValue<string>();
        await WarmUpTheFakeAsync(stripeAddress);
        // A first backfill onto a scratch copy of the orders settles the server's JIT; the second is timed.
        await BackfillOntoAsync(client, integration, await SyncOrdersAsync(client, "Warmup", orders));
        var (task, wall) = await BackfillOntoAsync(client, integration, await SyncOrdersAsync(client, "Orders", orders));
        // The run's own span, from the task's timestamps: scheduling and the polling are not the backfill.
        var run = DateTimeOffset.Parse(task["finishedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture)
                  - DateTimeOffset.Parse(task["startedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        // The runner logs "… finished: N scanned, M records updated, T store round trips" when a run ends.
        await Task.Delay(200);
        var line = server.RecentOutput().LastOrDefault(l => l.Contains("store round trips", StringComparison.Ordinal))
                   ?? throw new InvalidOperationException("The server did not log the backfill's store round trips.");
        var trips = int.Parse(TripsPattern().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
        return (run, wall, trips, task["progress"]!["scanned"]!.GetValue<long>(), task["progress"]!["recordsUpdated"]!.GetValue<long>());
    }

    private static async Task<string> SyncOrdersAsync(GatherClient client, string name, List<JsonObject> orders)
    {
        var model = await client.CreateModelAsync(name, "id");
        foreach (var batch in orders.Chunk(1_000))
            await client.SyncAsync(model, Encoding.UTF8.GetBytes(new JsonArray(batch.Select(o => (JsonNode)o.DeepClone()).ToArray()).ToJsonString()));
        return model;
    }

    /// <summary>Adds a Sync Stripe Charges task for the model and waits for its backfill; the task as it ended and the wall time seen.</summary>
    private static async Task<(JsonNode Task, TimeSpan Wall)> BackfillOntoAsync(GatherClient client, string integration, string model)
    {
        var clock = Stopwatch.StartNew();
        var created = await client.GraphQLAsync("""
            mutation($i: ID!, $m: ID!) { createIntegrationTask(input: { integrationId: $i, kind: SYNC_STRIPE_CHARGES, options: { modelId: $m, chargeIdField: "stripe_charge_id" } }) { task { id } errors { message } } }
            """, new JsonObject { ["i"] = integration, ["m"] = model });
        var taskId = created["createIntegrationTask"]!["task"]!["id"]!.GetValue<string>();
        while (true)
        {
            var task = (await client.GraphQLAsync("{ integrationTasks { id status progress { scanned recordsUpdated } lastError startedAt finishedAt } }"))["integrationTasks"]!
                .AsArray().Single(t => t!["id"]!.GetValue<string>() == taskId)!;
            if (task["status"]!.GetValue<string>() == "FAILED")
                throw new InvalidOperationException($"The backfill failed: {task["lastError"]}");
            if (task["status"]!.GetValue<string>() == "SUCCEEDED")
                return (task, clock.Elapsed);
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Lists every charge once, untimed, so the fake has rendered them: generating 100 charges'
    /// JSON costs the fake ~8 ms a page on this machine's shared cores, which is the stand-in's
    /// cost, not Gather's (Stripe's own servers do that work).
    /// </summary>
    private static async Task WarmUpTheFakeAsync(string stripeAddress)
    {
        using var http = new HttpClient { BaseAddress = new Uri(stripeAddress) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SecretKey);
        string? after = null;
        while (true)
        {
            var page = JsonNode.Parse(await http.GetStringAsync($"/v1/charges?limit=100{(after is null ? "" : $"&starting_after={after}")}"))!;
            var data = page["data"]!.AsArray();
            if (!page["has_more"]!.GetValue<bool>() || data.Count == 0)
                return;
            after = data[^1]!["id"]!.GetValue<string>();
        }
    }

    /// <summary>The baseline: the same orders, then each page's snapshots written as record updates through the adapter, no Stripe and no HTTP.</summary>
    private static async Task<TimeSpan> RawUpdatesAsync(string databasePath, List<JsonObject> orders)
    {
        var direct = await DirectStore.CreateAsync(databasePath);
        var model = await direct.CreateModelAsync("Orders", "id");
        foreach (var batch in orders.Chunk(1_000))
            await direct.Team.Records.SyncAsync(model.Id, batch.Select((o, i) => new RecordPatch(i, o["id"]!.GetValue<string>(), (JsonObject)o.DeepClone())).ToList(),
                DateTimeOffset.UtcNow, CancellationToken.None);
        var pages = orders.Select((o, i) =>
        {
            // ch_fake{customer:D6}{k:D3}, as the fake generates it.
            var id = o["stripe_charge_id"]!.GetValue<string>();
            var generated = StripeObjects.Charge(int.Parse(id.AsSpan(7, 6), CultureInfo.InvariantCulture), int.Parse(id.AsSpan(13, 3), CultureInfo.InvariantCulture));
            var charge = StripeCharge.From(JsonSerializer.Deserialize<JsonElement>(generated.ToJsonString()));
            return new RecordPatch(i % PageSize, o["id"]!.GetValue<string>(), new JsonObject { ["charge"] = ChargeSnapshot.Of(charge) });
        }).Chunk(PageSize).ToList();

        // The same updates on a scratch copy first, as the server's side gets a first backfill to settle the JIT.
        var scratch = await direct.CreateModelAsync("Warmup", "id");
        foreach (var batch in orders.Chunk(1_000))
            await direct.Team.Records.SyncAsync(scratch.Id, batch.Select((o, i) => new RecordPatch(i, o["id"]!.GetValue<string>(), (JsonObject)o.DeepClone())).ToList(),
                DateTimeOffset.UtcNow, CancellationToken.None);
        foreach (var page in pages)
            await direct.Team.Records.SyncAsync(scratch.Id, page, DateTimeOffset.UtcNow, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        foreach (var page in pages)
            await direct.Team.Records.SyncAsync(model.Id, page, DateTimeOffset.UtcNow, CancellationToken.None);
        return clock.Elapsed;
    }

    [GeneratedRegex(@"(\d+) store round trips")]
    private static partial Regex TripsPattern();
}
