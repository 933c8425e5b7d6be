using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Gather.Bench;

/// <summary>
/// One server, two teams, production limits on. Team A runs a steady mixed load (a view page, a
/// filtered page, a sync batch, five customers' Stripe charges) first alone, then while team B
/// attacks for the same time: the abusive documents, the most expensive documents the limits
/// allow, a Stripe fan-out over 500 customers, and index churn (tasks created and deleted with
/// a new charge id field each time). Reports A's latency quiet and under attack, what B got
/// refused and how fast, and the server's peak memory.
/// </summary>
public sealed class HostileBenchmark(BenchSettings settings)
{
    private const int PaceA = 40, SecondsPerPhase = 20, OrdersA = 2_000, OrdersB = 5_000, StripeCustomers = 500, StripeLatencyMilliseconds = 20;
    private const string SecretKey = "sk_test_gather_bench_0123456789";

    public async Task<Report> RunAsync()
    {
        var report = new Report($"Hostile: team A at {PaceA} req/s for {SecondsPerPhase} s alone, then {SecondsPerPhase} s while team B attacks");
        var directory = Directory.CreateTempSubdirectory("gather-bench-").FullName;
        await using var stripe = await FakeStripeHost.StartAsync(o =>
        {
            o.SecretKey = SecretKey;
            o.Customers = StripeCustomers;
            o.ChargesPerCustomer = 2;
            o.LatencyMilliseconds = StripeLatencyMilliseconds;
        });
        try
        {
            var database = Path.Combine(directory, "server.db");
            // Production limits: rate limits on, as an attacker would meet them.
            var serverSettings = new Dictionary<string, string>
            {
                ["Gather:RateLimits:Enabled"] = "true",
                ["Gather:Stripe:ApiBase"] = stripe.Address,
                ["Gather:Stripe:CacheSeconds"] = "0",
            };
            // GATHER_BENCH_SETTINGS="Key=value;Key=value" tries other limits without a rebuild.
            foreach (var pair in (Environment.GetEnvironmentVariable("GATHER_BENCH_SETTINGS") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
                serverSettings[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];
            await using var server = await GatherServer.StartAsync(settings.ServerDll, database, serverSettings);
            var teamB = await SecondTeam.CreateAsync(database);
            using var a = new GatherClient(server.Address, GatherServer.AdminKey);
            using var b = new GatherClient(server.Address, teamB);
            var seededA = await TeamA.SeedAsync(a, OrdersA, SecretKey);
            var seededB = await Attacker.SeedAsync(b, OrdersB, StripeCustomers, SecretKey);

            using var http = Http(server.Address, GatherServer.AdminKey);
            var warmup = new PacedLoad(PaceA, PaceA * 5);
            await warmup.RunAsync(n => seededA.RequestAsync(http, n));
            var quiet = new PacedLoad(PaceA, PaceA * SecondsPerPhase);
            await quiet.RunAsync(n => seededA.RequestAsync(http, n));

            using var httpB = Http(server.Address, teamB);
            var attacker = new Attacker(httpB, seededB);
            using var stop = new CancellationTokenSource();
            var attack = attacker.RunAsync(stop.Token);
            var underAttack = new PacedLoad(PaceA, PaceA * SecondsPerPhase);
            await underAttack.RunAsync(n => seededA.RequestAsync(http, n));
            await stop.CancelAsync();
            await attack;

            report.Figure("A quiet", quiet.Summary());
            report.Figure("A under attack", underAttack.Summary());
            foreach (var failure in quiet.Failures.Concat(underAttack.Failures).Take(3))
                Console.WriteLine($"  A failed: {failure}");
            foreach (var (kind, outcome) in attacker.Outcomes.OrderBy(o => o.Key))
                report.Figure($"B {kind}", outcome);
            report.Figure("B refusals of abusive documents", attacker.RefusalTimes());
            report.Figure("server peak memory", Report.Megabytes(server.PeakResidentBytes()));
            report.AtMost("A p99 under attack / quiet", underAttack.Percentile(0.99) / quiet.Percentile(0.99), 2.0);
            report.AtMost("A requests failed", quiet.Failures.Count + underAttack.Failures.Count, 0);
            report.AtMost("server peak memory (MB)", server.PeakResidentBytes() / 1024.0 / 1024.0, 500);
            report.AtMost("slowest refusal of an abusive document (ms)", attacker.SlowestRefusalMilliseconds, 50);
            report.AtMost("abusive documents executed", attacker.AbusiveAccepted, 0);
            return report;
        }
        finally
        {
            DirectStore.ReleaseFiles();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private static HttpClient Http(Uri address, string key) => new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(120),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Token", key) },
    };

    /// <summary>Posts a GraphQL document; returns the status, the first error code (if any) and the time it took.</summary>
    internal static async Task<(int Status, string? Code, double Milliseconds)> PostAsync(HttpClient http, string query, JsonObject? variables, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        using var content = new StringContent(new JsonObject { ["query"] = query, ["variables"] = variables ?? new JsonObject() }.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/graphql", content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        string? code = null;
        try
        {
            var errors = JsonNode.Parse(text)?["errors"];
            code = errors?[0]?["extensions"]?["code"]?.GetValue<string>() ?? (errors is null ? null : "ERROR");
        }
        catch (System.Text.Json.JsonException)
        {
            code = "NOT_JSON";
        }
        return ((int)response.StatusCode, code, elapsed);
    }

    internal static string Count(ConcurrentDictionary<string, int> outcomes) =>
        string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} × {o.Value.ToString(CultureInfo.InvariantCulture)}"));
}
