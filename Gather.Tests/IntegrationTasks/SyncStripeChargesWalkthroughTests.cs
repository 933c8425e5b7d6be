using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Gather.FakeStripe;
using Gather.Tests.Support;
using static Gather.Tests.Support.IntegrationTaskSteps;

namespace Gather.Tests.IntegrationTasks;

/// <summary>
/// Gather's docs walked through against the fake Stripe: an Orders model synced over REST,
/// Stripe connected, the Sync Stripe Charges task backfilling, a view filtering and sorting on
/// the attached charges, and a signed webhook changing what the view shows. Then the webhook's
/// guards: missing, bad and stale signatures, duplicate and out-of-order deliveries.
/// </summary>
public sealed class SyncStripeChargesWalkthroughTests : IAsyncLifetime
{
    private StripeGuideHost _host = null!;

    public async Task InitializeAsync() => _host = await StripeGuideHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Admin => _host.Admin;

    private sealed record Setup(string Orders, string IntegrationId, string TaskId, string ViewId);

    private async Task<Setup> WalkThroughToTheBackfillAsync()
    {
        var orders = (await Admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Orders", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        // Succeeded: ch 0/0 (500), 1/0 (537), 2/2 (800), 4/1 (761); failed: 1/2 (763).
        (await Admin.PostAsync($"/models/{orders}/records", new FormUrlEncodedContent(
            [new("id", "1234"), new("amount", "75"), new("stripe_charge_id", "ch_fake000000000")]))).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync($"/models/{orders}/records", new object[]
        {
            new { id = "1235", amount = 20, stripe_charge_id = "ch_fake000001000" },
            new { id = "1236", amount = 35, stripe_charge_id = "ch_fake000001002" },
            new { id = "1237", amount = 50, stripe_charge_id = "ch_fake000002002" },
            new { id = "1238", amount = 10, stripe_charge_id = "ch_fake000004001" },
            new { id = "1239", amount = 99 },
            new { id = "1240", amount = 5, stripe_charge_id = "ch_unknown" },
        })).EnsureSuccessStatusCode();
        var integration = await ConnectStripeAsync(Admin);
        var taskId = await CreateChargesTaskAsync(Admin, integration, orders);
        await WaitForTaskAsync(Admin, taskId, t => Is(t, "SUCCEEDED"));
        var view = (await Admin.PostGraphQLAsync("""mutation($input: CreateViewInput!) { createView(input: $input) { view { id } errors { message } } }""", new
        {
            input = new
            {
                name = "Paid orders", modelId = orders, columns = new[] { "id", "amount", "stripeCharge.amount", "stripeCharge.refunded" },
                where = new { and = new object[] { new { field = "stripeCharge.status", eq = "succeeded" }, new { field = "stripeCharge.refunded", eq = false } } },
                order = new[] { new { field = "stripeCharge.amount", direction = "DESC" } },
            },
        })).Data!["createView"]!["view"]!["id"]!.GetValue<string>();
        return new Setup(orders, integration, taskId, view);
    }

    private async Task<string> ViewAsync(string viewId) =>
        string.Join(" ", (await Admin.PostGraphQLAsync("""query($id: ID!) { view(id: $id) { records { nodes { values } } } }""", new { id = viewId }))
            .Data!["view"]!["records"]!["nodes"]!.AsArray().Select(n => n!["values"]!.ToJsonString()));

    private async Task<(JsonObject Event, string Secret)> RefundAsync(string chargeId)
    {
        using var response = await _host.Stripe.Http.PostAsync($"/_fake/charges/{chargeId}/refund", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        var refunded = JsonNode.Parse(text)!;
        return (refunded["event"]!.AsObject(), refunded["deliveries"]![0]!["secret"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> DeliverAsync(string integrationId, string payload, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/stripe/{integrationId}") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
            request.Headers.Add("Stripe-Signature", signature);
        return _host.Factory.CreateClient().SendAsync(request);
    }

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    [Fact]
    public async Task The_docs_walkthrough_backfills_charges_that_a_view_filters_and_sorts_and_a_refund_webhook_changes_it()
    {
        var setup = await WalkThroughToTheBackfillAsync();
        var task = await TaskAsync(Admin, setup.TaskId);
        var before = await ViewAsync(setup.ViewId);
        var searched = await Admin.PostGraphQLAsync("""query($m: ID!) { records(modelId: $m, search: "declined") { nodes { id } } }""", new { m = setup.Orders });

        var (refund, secret) = await RefundAsync("ch_fake000004001");
        var payload = refund.ToJsonString();
        using var delivered = await DeliverAsync(setup.IntegrationId, payload, WebhookDelivery.SignatureHeader(payload, secret, Now));
        var after = await ViewAsync(setup.ViewId);

        // 24 charges in the fake account (customers 3 and 7 have none); 5 orders name one of them (the unknown id stays without).
        Assert.Equal("""{"scanned":24,"recordsUpdated":5}""", task["progress"]!.ToJsonString());
        Assert.True(task["backfillDone"]!.GetValue<bool>());
        Assert.Null(task["lastError"]);
        Assert.Equal("""["1237",50,800,false] ["1238",10,761,false] ["1235",20,537,false] ["1234",75,500,false]""", before);
        Assert.Equal("1236", searched.Data!["records"]!["nodes"]![0]!["id"]!.GetValue<string>()); // the failed charge's message
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("""["1237",50,800,false] ["1235",20,537,false] ["1234",75,500,false]""", after);
    }

    [Fact]
    public async Task Webhooks_refuse_missing_bad_and_stale_signatures_and_ignore_duplicates_and_older_events()
    {
        var setup = await WalkThroughToTheBackfillAsync();
        var (refund, secret) = await RefundAsync("ch_fake000002002");
        var payload = refund.ToJsonString();
        var signed = WebhookDelivery.SignatureHeader(payload, secret, Now);

        using var missing = await DeliverAsync(setup.IntegrationId, payload, null);
        using var tampered = await DeliverAsync(setup.IntegrationId, payload.Replace("\"refunded\":true", "\"refunded\":false"), signed);
        using var wrongSecret = await DeliverAsync(setup.IntegrationId, payload, WebhookDelivery.SignatureHeader(payload, "whsec_not_it", Now));
        using var stale = await DeliverAsync(setup.IntegrationId, payload, WebhookDelivery.SignatureHeader(payload, secret, Now - 600));
        using var unknownIntegration = await DeliverAsync("int_nobody", payload, signed);
        var afterRefused = await ViewAsync(setup.ViewId);

        using var first = await DeliverAsync(setup.IntegrationId, payload, signed);
        using var duplicate = await DeliverAsync(setup.IntegrationId, payload, signed);
        // An earlier event (the charge before its refund), delivered late: the newer state stays.
        var older = (JsonObject)refund.DeepClone();
        older["id"] = "evt_fake_older";
        older["created"] = refund["created"]!.GetValue<long>() - 30;
        older["type"] = "charge.updated";
        older["data"]!["object"]!["refunded"] = false;
        older["data"]!["object"]!["amount_refunded"] = 0;
        var olderPayload = older.ToJsonString();
        using var outOfOrder = await DeliverAsync(setup.IntegrationId, olderPayload, WebhookDelivery.SignatureHeader(olderPayload, secret, Now));
        var afterApplied = await ViewAsync(setup.ViewId);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound],
            new[] { missing.StatusCode, tampered.StatusCode, wrongSecret.StatusCode, stale.StatusCode, unknownIntegration.StatusCode });
        Assert.StartsWith("""["1237",50,800,false]""", afterRefused);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("already received", await duplicate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, outOfOrder.StatusCode);
        Assert.Equal("""["1238",10,761,false] ["1235",20,537,false] ["1234",75,500,false]""", afterApplied);
    }

    [Fact]
    public async Task The_typed_api_filters_and_sorts_on_the_attached_charge()
    {
        await WalkThroughToTheBackfillAsync();

        var result = await Admin.PostGraphQLAsync("""
            { orders(where: { stripeCharge: { status: { eq: "succeeded" }, refunded: { eq: false } } }, order: [{ stripeCharge: { amount: DESC } }]) {
                nodes { id amount stripeCharge { id amount status } } } }
            """);

        Assert.True(result.Errors is null, result.Errors?.ToJsonString());
        var nodes = result.Data!["orders"]!["nodes"]!.AsArray();
        Assert.Equal(["1237", "1238", "1235", "1234"], nodes.Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal(800, nodes[0]!["stripeCharge"]!["amount"]!.GetValue<long>());
        Assert.Equal("ch_fake000002002", nodes[0]!["stripeCharge"]!["id"]!.GetValue<string>());
    }
}
