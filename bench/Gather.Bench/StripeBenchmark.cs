using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Gather.FakeStripe;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Gather.Bench;

/// <summary>
/// The Stripe benchmark: a page of 50 customers with their charges, read through GraphQL from
/// the fake Stripe answering every request after 20 ms, as a ratio of one Stripe call's
/// latency measured in the same run. Gather's Stripe cache is off, so every run asks Stripe.
/// </summary>
public sealed class StripeBenchmark(BenchSettings settings)
{
    private const int Customers = 50, LatencyMilliseconds = 20, Concurrency = 50;

    /// <summary>
    /// Untimed pages before timing, so the JIT has tiered up the server's and the harness's
    /// code. With the default 5 warm-ups the same build measured 3.2–4.2 instead of 2.5–2.8:
    /// tier-0 code, not Stripe, was being timed.
    /// </summary>
    private const int SettleRuns = 100;
    private const string SecretKey = "sk_test_gather_bench_0123456789";

    private const string Query = """{ customers(first: 50) { nodes { email charges(first: 10) { nodes { id amount status } } } } }""";

    public async Task<Report> RunAsync()
    {
        var report = new Report($"Stripe: {Customers} customers with their charges, fake Stripe at {LatencyMilliseconds} ms per request");
        var directory = Directory.CreateTempSubdirectory("gather-bench-").FullName;
        await using var stripe = await FakeStripeHost.StartAsync(o =>
        {
            o.SecretKey = SecretKey;
            o.Customers = Customers;
            o.ChargesPerCustomer = 3;
            o.LatencyMilliseconds = LatencyMilliseconds;
        });
        try
        {
            var stripeAddress = stripe.Address;

            await using var server = await GatherServer.StartAsync(settings.ServerDll, Path.Combine(directory, "server.db"), new Dictionary<string, string>
            {
                ["Gather:Stripe:ApiBase"] = stripeAddress,
                ["Gather:Stripe:CacheSeconds"] = "0",
                ["Gather:Stripe:MaxConcurrency"] = Concurrency.ToString(CultureInfo.InvariantCulture),
            });
            using var client = new GatherClient(server.Address, GatherServer.AdminKey);
            var customerModel = (await client.GraphQLAsync("{ models { id name } }"))["models"]!.AsArray()
                .Single(m => m!["name"]!.GetValue<string>() == "Customer")!["id"]!.GetValue<string>();
            var records = new JsonArray(Enumerable.Range(0, Customers).Select(n => (JsonNode)new JsonObject { ["email"] = $"customer{n}@example.com" }).ToArray());
            await client.SyncAsync(customerModel, Encoding.UTF8.GetBytes(records.ToJsonString()));
            var connected = await client.GraphQLAsync("""mutation($k: String!) { connectStripe(input: { secretKey: $k }) { errors { message } } }""",
                new JsonObject { ["k"] = SecretKey });
            if (connected["connectStripe"]!["errors"] is JsonArray { Count: > 0 } errors)
                throw new InvalidOperationException($"connectStripe failed: {errors.ToJsonString()}");

            var charges = (await client.GraphQLAsync(Query))["customers"]!["nodes"]!.AsArray().Sum(n => n!["charges"]!["nodes"]!.AsArray().Count);
            var faults = stripe.Services.GetRequiredService<FaultPlan>();
            faults.ClearRequests();
            await client.GraphQLAsync(Query);
            var callsPerRequest = faults.Requests.Count;

            // The baseline: one Stripe call, as the gateway makes it, against the same fake.
            var stripeClient = new StripeClient(new StripeClientOptions { ApiKey = SecretKey, ApiBase = stripeAddress.TrimEnd('/') });
            var customers = new CustomerService(stripeClient);
            var (oneCall, page) = await Measure.MediansAsync(Math.Max(settings.Warmups, SettleRuns), settings.Runs,
                () => customers.GetAsync("cus_fake000001"), () => client.GraphQLAsync(Query));
            // What the same number of calls costs this machine when the harness fires them all at once itself.
            var chargesService = new ChargeService(stripeClient);
            var (allAtOnce, _) = await Measure.MediansAsync(Math.Max(settings.Warmups, SettleRuns), settings.Runs,
                () => Task.WhenAll(Enumerable.Range(0, callsPerRequest).Select(i =>
                    chargesService.ListAsync(new ChargeListOptions { Customer = $"cus_fake{i % Customers:D6}", Limit = 10 }))),
                () => Task.CompletedTask);

            report.Figure("one Stripe call (median)", Report.Millis(oneCall));
            report.Figure("GraphQL page of 50 customers with charges (median)", Report.Millis(page));
            report.Figure($"{callsPerRequest} Stripe calls fired at once by the harness (median)", $"{Report.Millis(allAtOnce)} (ratio {Report.Format(allAtOnce / oneCall)} to one call)");
            report.Figure("Stripe calls per request", $"{callsPerRequest} (5 searches of 10 emails, 1 charges list per customer)");
            report.Figure("charges returned", charges.ToString(CultureInfo.InvariantCulture));
            report.Figure("Gather:Stripe:MaxConcurrency", Concurrency.ToString(CultureInfo.InvariantCulture));
            report.AtMost("page / one Stripe call", page / oneCall, 3.0);
            return report;
        }
        finally
        {
            DirectStore.ReleaseFiles();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }
}
