using Gather.Infrastructure.IntegrationTasks.Operations;
using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;
using Gather.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Gather.Tests.Support.IntegrationTaskSteps;

namespace Gather.Tests.IntegrationTasks;

/// <summary>
/// A backfill of 1,000 charges onto 1,000 orders that meets rate limits, a Stripe outage in the
/// middle and a shutdown mid-run: in every case each order ends with its own charge attached,
/// and the counts say every charge was scanned exactly once.
/// </summary>
public sealed class BackfillFaultTests : IAsyncLifetime
{
    // 333 customers, of which 250 have charges (n % 4 != 3), 4 each: 1,000 charges.
    private const int Customers = 333, ChargesPerCustomer = 4, Charges = 1_000;

    private FakeStripeServer _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripeServer.StartAsync(Customers, ChargesPerCustomer);

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    private static IEnumerable<(string Id, string? ChargeId)> OrdersForEveryCharge() =>
        Enumerable.Range(0, Customers).Where(c => c % 4 != 3)
            .SelectMany(c => Enumerable.Range(0, ChargesPerCustomer).Select(k => ($"order-{c}-{k}", (string?)$"ch_fake{c:D6}{k:D3}")));

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gather:Stripe:ApiBase"] = _stripe.Address.ToString(),
            ["Gather:Stripe:RetryBaseDelayMilliseconds"] = "5",
            ["Gather:Stripe:RetryMaxDelayMilliseconds"] = "20",
            ["Gather:Stripe:MaxRetries"] = "2",
        };
        foreach (var (key, value) in extra)
            settings[key] = value;
        return settings;
    }

    private static void AssertEveryOrderHasItsCharge(List<(string? Own, string? Attached)> attachments)
    {
        Assert.Equal(Charges, attachments.Count);
        Assert.All(attachments, a => Assert.Equal(a.Own, a.Attached));
    }

    [Fact]
    public async Task Rate_limits_are_retried_and_a_failure_midway_resumes_from_its_cursor()
    {
        using var factory = new GatherApiFactory(Settings());
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await CreateOrdersAsync(admin, OrdersForEveryCharge());
        // Pages after the first: two 429s (retried), then a 500 that outlasts the retries on one page.
        await _stripe.InjectAsync("/v1/charges", 429, times: 2, queryContains: "starting_after");
        await _stripe.InjectAsync("/v1/charges", 500, times: 3, queryContains: "starting_after=ch_fake000");
        var integration = await ConnectStripeAsync(admin);
        var task = await CreateChargesTaskAsync(admin, integration, orders);

        var failed = await WaitForTaskAsync(admin, task, t => Is(t, "FAILED") || Is(t, "SUCCEEDED"));
        var rerun = await admin.PostGraphQLAsync("""mutation($id: ID!) { runIntegrationTask(input: { id: $id }) { errors { message } } }""", new { id = task });
        var finished = await WaitForTaskAsync(admin, task, t => Is(t, "SUCCEEDED"));

        Assert.Equal("FAILED", failed["status"]!.GetValue<string>());
        Assert.Contains("500", failed["lastError"]!.GetValue<string>());
        var scannedBeforeFailure = failed["progress"]!["scanned"]!.GetValue<long>();
        Assert.InRange(scannedBeforeFailure, 100, Charges - 100);
        Assert.Null(rerun.Data!["runIntegrationTask"]!["errors"]);
        // The resumed run went on from the cursor: 1,000 scanned and attached once each across both runs.
        Assert.Equal($$"""{"scanned":{{Charges}},"recordsUpdated":{{Charges}}}""", finished["progress"]!.ToJsonString());
        Assert.Null(finished["lastError"]);
        AssertEveryOrderHasItsCharge(await AttachmentsAsync(admin, orders));
        // Stripe saw each page once, plus the retried ones: 10 pages, 2 rate-limited and 3 failed attempts.
        Assert.Equal(10 + 2 + 3, _stripe.Faults.Requests.Count(r => r.StartsWith("GET /v1/charges?limit=100", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_run_cut_off_by_shutdown_resumes_after_a_restart_and_scans_each_charge_once()
    {
        var directory = Directory.CreateTempSubdirectory("gather-restart-").FullName;
        try
        {
            string orders, task;
            long scannedAtShutdown;
            // Slow pages, so the shutdown lands mid-run.
            await _stripe.InjectAsync("/v1/charges", 200, times: 1_000, delayMilliseconds: 60);
            using (var first = new GatherApiFactory(Settings(), directory))
            {
                var admin = first.CreateClient(GatherApiFactory.AdminKey);
                orders = await CreateOrdersAsync(admin, OrdersForEveryCharge());
                task = await CreateChargesTaskAsync(admin, await ConnectStripeAsync(admin), orders);
                scannedAtShutdown = (await WaitForTaskAsync(admin, task, t => t["progress"]!["scanned"]!.GetValue<long>() >= 300))["progress"]!["scanned"]!.GetValue<long>();
            }
            (await _stripe.Http.DeleteAsync("/_fake/faults")).EnsureSuccessStatusCode();

            using var second = new GatherApiFactory(Settings(), directory);
            var again = second.CreateClient(GatherApiFactory.AdminKey);
            var finished = await WaitForTaskAsync(again, task, t => Is(t, "SUCCEEDED"));

            Assert.InRange(scannedAtShutdown, 300, Charges - 100);
            Assert.Equal(Charges, finished["progress"]!["scanned"]!.GetValue<long>());
            // The page in flight at shutdown may have been written but not saved as done: its second
            // reading finds those records up to date already, so they count once or not at all.
            Assert.InRange(finished["progress"]!["recordsUpdated"]!.GetValue<long>(), Charges - StripeChargesSync.PageSize, Charges);
            AssertEveryOrderHasItsCharge(await AttachmentsAsync(again, orders));
            // The restart went on from the saved cursor: only the pages in flight at shutdown (never
            // saved) may be asked for again: the one being written and the next, read meanwhile.
            var pages = _stripe.Faults.Requests.Where(r => r.StartsWith("GET /v1/charges?limit=100", StringComparison.Ordinal)).ToList();
            Assert.Equal(Charges / 100, pages.Distinct().Count());
            Assert.InRange(pages.Count, Charges / 100, Charges / 100 + 2);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    [Fact]
    public async Task A_backfill_costs_two_store_round_trips_per_page_of_charges_not_per_charge()
    {
        using var factory = new GatherApiFactory(Settings((GatherApiFactory.SchedulerEnabled, "false")));
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await CreateOrdersAsync(admin, OrdersForEveryCharge());
        var task = await CreateChargesTaskAsync(admin, await ConnectStripeAsync(admin), orders);
        var teamId = (await factory.Services.GetRequiredService<IGatherStore>().ListAllIntegrationTasksAsync(CancellationToken.None))
            .Single(t => t.Id == task).TeamId;

        int trips;
        using (var counter = StoreRoundTrips.Begin())
        {
            Assert.Equal(RunOutcome.Finished, await factory.Services.GetRequiredService<IntegrationTaskRunner>().RunAsync(teamId, task, CancellationToken.None));
            trips = counter.Count;
        }

        // Lease: read, claim, read again, release (4). Run: save RUNNING, the integration, the model,
        // the field index (one read: the task holds it, built, so whether the model is too large to
        // index is not asked), save SUCCEEDED (5). Per page of 100 charges: attach, save the cursor (2).
        // Once at the end: count what could not be matched, save that (2).
        Assert.Equal(4 + 5 + 2 * (Charges / StripeChargesSync.PageSize) + 2, trips);
        AssertEveryOrderHasItsCharge(await AttachmentsAsync(admin, orders));
    }
}
