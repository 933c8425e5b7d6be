using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gather.Infrastructure.IntegrationTasks.Operations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Teams;
using Gather.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Gather.Tests.Support.IntegrationTaskSteps;

namespace Gather.Tests.IntegrationTasks;

/// <summary>
/// Integration tasks through GraphQL: validation, the Sync Stripe Customers task that connecting
/// Stripe adds, webhook endpoints registered and removed with the tasks, charges attached to
/// orders synced after the backfill, and the lease that keeps two runs of one task apart.
/// </summary>
public sealed class IntegrationTaskGraphQLTests : IAsyncLifetime
{
    private FakeStripeServer _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripeServer.StartAsync(customers: 12, chargesPerCustomer: 2);

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    private GatherApiFactory Factory(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gather:Stripe:ApiBase"] = _stripe.Address.ToString(),
            ["Gather:Tasks:AttachDelaySeconds"] = "0",
        };
        foreach (var (key, value) in extra)
            settings[key] = value;
        return new GatherApiFactory(settings);
    }

    private async Task<JsonArray> StripeWebhookEndpointsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/webhook_endpoints");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FakeStripeServer.SecretKey);
        using var response = await _stripe.Http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!.AsArray();
    }

    [Fact]
    public async Task Creating_a_task_checks_its_integration_model_and_field_and_stores_nothing_when_wrong()
    {
        using var factory = Factory((GatherApiFactory.SchedulerEnabled, "false"));
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await CreateOrdersAsync(admin, [("1", "ch_fake000000000")]);
        var integration = await ConnectStripeAsync(admin);
        var models = (await admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]!.AsArray();
        var stripeCharge = models.Single(m => m!["name"]!.GetValue<string>() == "StripeCharge")!["id"]!.GetValue<string>();

        async Task<string> RulesAsync(string? integrationId, string? modelId, string? field) =>
            string.Join(",", (await admin.PostGraphQLAsync("""
                mutation($i: ID!, $m: ID, $f: String) { createIntegrationTask(input: { integrationId: $i, kind: SYNC_STRIPE_CHARGES, options: { modelId: $m, chargeIdField: $f } }) {
                  task { id } errors { ... on ValidationError { field rule } } } }
                """, new { i = integrationId, m = modelId, f = field })).Data!["createIntegrationTask"]!["errors"]?.AsArray()
                .Select(e => $"{e!["field"]}:{e["rule"]}") ?? []);

        var problems = new[]
        {
            await RulesAsync("int_nope", orders, "stripe_charge_id"),
            await RulesAsync(integration, null, null),
            await RulesAsync(integration, "model_nope", "stripe_charge_id"),
            await RulesAsync(integration, stripeCharge, "id"),
            await RulesAsync(integration, orders, "$where"),
            await RulesAsync(integration, orders, "stripeCharge.id"),
        };
        var first = await RulesAsync(integration, orders, "stripe_charge_id");
        var twice = await RulesAsync(integration, orders, "stripe_charge_id");
        var tasks = (await admin.PostGraphQLAsync("{ integrationTasks { kind options { modelId chargeIdField } status note } }")).Data!["integrationTasks"]!;

        Assert.Equal(
        [
            "integrationId:notFound", "options.modelId:required,options.chargeIdField:required", "options.modelId:notFound",
            "options.modelId:integrationModel", "options.chargeIdField:format", "options.chargeIdField:reserved",
        ], problems);
        Assert.Equal("", first);
        Assert.Equal("options.modelId:alreadyExists", twice);
        // Connecting Stripe added Sync Stripe Customers; without Gather:PublicUrl the charges task says how it keeps current.
        Assert.Equal("SYNC_STRIPE_CUSTOMERS", tasks[0]!["kind"]!.GetValue<string>());
        Assert.Equal($$"""{"kind":"SYNC_STRIPE_CHARGES","options":{"modelId":"{{orders}}","chargeIdField":"stripe_charge_id"},"status":"PENDING","note":"Gather:PublicUrl is not set, so Stripe cannot send webhooks here; changes arrive with the reconcile every 60 minutes."}""",
            tasks[1]!.ToJsonString());
    }

    [Fact]
    public async Task The_webhook_endpoint_exists_while_a_charges_task_needs_it_and_goes_with_the_task_or_the_integration()
    {
        using var factory = Factory((GatherApiFactory.SchedulerEnabled, "false"), ("Gather:PublicUrl", "https://gather.example.com/"));
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await CreateOrdersAsync(admin, [("1", "ch_fake000000000")]);
        var integration = await ConnectStripeAsync(admin);
        var afterConnect = await StripeWebhookEndpointsAsync();
        var task = await CreateChargesTaskAsync(admin, integration, orders);
        var registered = await StripeWebhookEndpointsAsync();
        var stored = (await factory.Services.GetRequiredService<IGatherStore>().ForTeam(
            (await factory.Services.GetRequiredService<IGatherStore>().FindIntegrationTeamAsync(integration, CancellationToken.None))!)
            .Integrations.ListAsync(CancellationToken.None)).Single();
        await admin.PostGraphQLAsync("""mutation($id: ID!) { deleteIntegrationTask(input: { id: $id }) { errors { message } } }""", new { id = task });
        var afterDelete = await StripeWebhookEndpointsAsync();
        await CreateChargesTaskAsync(admin, integration, orders);
        var again = await StripeWebhookEndpointsAsync();
        await admin.PostGraphQLAsync("""mutation($id: ID!) { disconnectIntegration(input: { id: $id }) { errors { message } } }""", new { id = integration });
        var afterDisconnect = await StripeWebhookEndpointsAsync();
        var tasksLeft = (await admin.PostGraphQLAsync("{ integrationTasks { id } }")).Data!["integrationTasks"]!.AsArray();

        Assert.Empty(afterConnect); // Sync Stripe Customers alone needs no webhooks.
        var endpoint = Assert.Single(registered)!;
        Assert.Equal($"https://gather.example.com/webhooks/stripe/{integration}", endpoint["url"]!.GetValue<string>());
        Assert.Contains("charge.refunded", endpoint["enabled_events"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(endpoint["id"]!.GetValue<string>(), stored.WebhookEndpointId);
        Assert.DoesNotContain("whsec_", stored.EncryptedWebhookSecret); // Stored encrypted.
        Assert.Empty(afterDelete);
        Assert.Single(again);
        Assert.Empty(afterDisconnect);
        Assert.Empty(tasksLeft);
    }

    [Fact]
    public async Task Orders_synced_after_the_backfill_get_their_charges_within_seconds()
    {
        using var factory = Factory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await CreateOrdersAsync(admin, [("1", "ch_fake000000000")]);
        var task = await CreateChargesTaskAsync(admin, await ConnectStripeAsync(admin), orders);
        await WaitForTaskAsync(admin, task, t => Is(t, "SUCCEEDED"));
        _stripe.Faults.ClearRequests();

        (await admin.PostAsJsonAsync($"/models/{orders}/records", new object[]
        {
            new { id = "2", stripe_charge_id = "ch_fake000001001" }, new { id = "3", stripe_charge_id = "ch_fake000002000" },
            new { id = "1", stripe_charge_id = "ch_fake000004000" }, // An order now naming another charge.
        })).EnsureSuccessStatusCode();
        List<(string? Own, string? Attached)> attachments = [];
        for (var i = 0; i < 200 && !(attachments.Count == 3 && attachments.All(a => a.Own == a.Attached)); i++)
        {
            await Task.Delay(50);
            attachments = await AttachmentsAsync(admin, orders);
        }

        Assert.All(attachments, a => Assert.Equal(a.Own, a.Attached));
        Assert.Equal(3, attachments.Count);
        // Read by id, one call per charge; no rescan of the whole account.
        Assert.DoesNotContain(_stripe.Faults.Requests, r => r.StartsWith("GET /v1/charges?limit=100", StringComparison.Ordinal));
        Assert.Equal(3, _stripe.Faults.Requests.Count(r => r.StartsWith("GET /v1/charges/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Connecting_Stripe_syncs_its_customers_into_customers_and_accounts_by_the_account_name_rule()
    {
        using var factory = Factory(("Gather:Stripe:AccountNameMetadataKey", "company"));
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        await ConnectStripeAsync(admin);
        var task = (await admin.PostGraphQLAsync("{ integrationTasks { id kind } }")).Data!["integrationTasks"]![0]!;
        var done = await WaitForTaskAsync(admin, task["id"]!.GetValue<string>(), t => Is(t, "SUCCEEDED"));
        var customers = await admin.PostGraphQLAsync("""{ customers(first: 100, order: [{ field: "email" }]) { totalCount nodes { email accountName } } }""");
        var accounts = await admin.PostGraphQLAsync("""{ accounts(first: 100) { totalCount nodes { name } } }""");

        Assert.Equal("SYNC_STRIPE_CUSTOMERS", task["kind"]!.GetValue<string>());
        Assert.Equal(12, done["progress"]!["scanned"]!.GetValue<long>());
        Assert.Equal(12, customers.Data!["customers"]!["totalCount"]!.GetValue<int>());
        var first = customers.Data["customers"]!["nodes"]![0]!;
        Assert.Equal("customer0@example.com", first["email"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(first["accountName"]!.GetValue<string>()));
        var accountNames = accounts.Data!["accounts"]!["nodes"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ToHashSet();
        Assert.All(customers.Data["customers"]!["nodes"]!.AsArray(), c => Assert.Contains(c!["accountName"]!.GetValue<string>(), accountNames));
    }

    [Fact]
    public async Task Two_runners_on_one_database_never_run_a_task_at_once()
    {
        // Slow pages, so that the two runs would overlap if the lease let them.
        await _stripe.InjectAsync("/v1/charges", 200, times: 100, delayMilliseconds: 100);
        using var factory = Factory((GatherApiFactory.SchedulerEnabled, "false"));
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await CreateOrdersAsync(admin, [("1", "ch_fake000000000")]);
        var task = await CreateChargesTaskAsync(admin, await ConnectStripeAsync(admin), orders);
        var teamId = (await factory.Services.GetRequiredService<IGatherStore>().ListAllIntegrationTasksAsync(CancellationToken.None)).First().TeamId;
        // A second instance's runner: its own lease owner, the same database.
        var one = factory.Services.GetRequiredService<IntegrationTaskRunner>();
        var other = ActivatorUtilities.CreateInstance<IntegrationTaskRunner>(factory.Services);

        var outcomes = await Task.WhenAll(one.RunAsync(teamId, task, CancellationToken.None), other.RunAsync(teamId, task, CancellationToken.None));
        var afterwards = await other.RunAsync(teamId, task, CancellationToken.None);

        Assert.NotEqual(one.Owner, other.Owner);
        Assert.Equal([RunOutcome.Finished, RunOutcome.Busy], outcomes.Order());
        Assert.Equal(RunOutcome.Finished, afterwards); // The lease was given back.
    }
}
