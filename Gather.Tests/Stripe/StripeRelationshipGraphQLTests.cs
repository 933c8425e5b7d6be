using System.Net.Http.Json;
using Gather.Tests.Support;

namespace Gather.Tests.Stripe;

/// <summary>A custom model related to StripeCharge by a field holding charge ids: relatedOne and view-style columns read Stripe on demand.</summary>
public sealed class StripeRelationshipGraphQLTests : IAsyncLifetime
{
    private FakeStripeServer _stripe = null!;
    private GatherApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripeServer.StartAsync(customers: 10, chargesPerCustomer: 2);
        _factory = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:Stripe:ApiBase"] = _stripe.Address.ToString(), [GatherApiFactory.SchedulerEnabled] = "false" });
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _stripe.DisposeAsync();
    }

    private HttpClient Admin => _factory.CreateClient(GatherApiFactory.AdminKey);

    [Fact]
    public async Task Orders_navigate_to_their_Stripe_charges_with_one_Stripe_call_per_distinct_charge()
    {
        await Admin.PostGraphQLAsync("""mutation($k: String!) { connectStripe(input: { secretKey: $k }) { errors { message } } }""", new { k = FakeStripeServer.SecretKey });
        var models = (await Admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]!.AsArray();
        var charge = models.Single(m => m!["name"]!.GetValue<string>() == "StripeCharge")!["id"]!.GetValue<string>();
        var orders = (await Admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Orders", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        (await Admin.PostAsJsonAsync($"/models/{orders}/records", new object[]
        {
            new { id = "1", stripe_charge_id = "ch_fake000001000" }, new { id = "2", stripe_charge_id = "ch_fake000001001" },
            new { id = "3", stripe_charge_id = "ch_fake000001000" }, new { id = "4", stripe_charge_id = "ch_missing" }, new { id = "5" },
        })).EnsureSuccessStatusCode();
        var badField = await Admin.PostGraphQLAsync("""
            mutation($o: ID!, $c: ID!) { createRelationship(input: { fromModelId: $o, fromField: "stripe_charge_id", toModelId: $c, toField: "amount", name: "stripeCharge", inverseName: "orders" }) { errors { ... on ValidationError { rule } } } }
            """, new { o = orders, c = charge });
        var related = await Admin.PostGraphQLAsync("""
            mutation($o: ID!, $c: ID!) { createRelationship(input: { fromModelId: $o, fromField: "stripe_charge_id", toModelId: $c, toField: "id", name: "stripeCharge", inverseName: "orders" }) { errors { message } } }
            """, new { o = orders, c = charge });
        _stripe.Faults.ClearRequests();

        var result = await Admin.PostGraphQLAsync("""
            query($o: ID!) { records(modelId: $o, order: [{ field: "id" }]) { nodes { id
              relatedOne(name: "stripeCharge") { id model { name } fields }
              values(columns: ["stripeCharge.amount", "stripeCharge.customer"]) } } }
            """, new { o = orders });
        var many = await Admin.PostGraphQLAsync("""query($o: ID!) { records(modelId: $o) { nodes { related(name: "stripeCharge") { totalCount } } } }""", new { o = orders });

        Assert.Equal("""[{"rule":"integrationField"}]""", badField.Data!["createRelationship"]!["errors"]!.ToJsonString());
        Assert.Null(related.Data!["createRelationship"]!["errors"]);
        Assert.True(result.Errors is null, result.Errors?.ToJsonString());
        var nodes = result.Data!["records"]!["nodes"]!.AsArray();
        Assert.Equal("ch_fake000001000", nodes[0]!["relatedOne"]!["id"]!.GetValue<string>());
        Assert.Equal("StripeCharge", nodes[0]!["relatedOne"]!["model"]!["name"]!.GetValue<string>());
        Assert.Equal("charge", nodes[0]!["relatedOne"]!["fields"]!["object"]!.GetValue<string>());
        Assert.Equal("cus_fake000001", nodes[1]!["values"]![1]!.GetValue<string>());
        Assert.Equal(nodes[0]!["values"]!.ToJsonString(), nodes[2]!["values"]!.ToJsonString());
        Assert.Null(nodes[3]!["relatedOne"]);
        Assert.Null(nodes[4]!["relatedOne"]);
        // Three distinct charge ids, each read once (the missing one gets Stripe's 404), shared by relatedOne and values.
        Assert.Equal(3, _stripe.Faults.Requests.Count(r => r.StartsWith("GET /v1/charges/", StringComparison.Ordinal)));
        Assert.Equal("integrationModel", many.Errors![0]!["extensions"]!["rule"]!.GetValue<string>());
        // The typed API shows the relationship as the StripeCharge type.
        var typed = await Admin.PostGraphQLAsync("""{ orders(order: [{ id: ASC }]) { nodes { id stripeCharge { id amount status customer } } } }""");
        Assert.True(typed.Errors is null, typed.Errors?.ToJsonString());
        var typedNodes = typed.Data!["orders"]!["nodes"]!.AsArray();
        Assert.Equal("ch_fake000001000", typedNodes[0]!["stripeCharge"]!["id"]!.GetValue<string>());
        Assert.Equal("cus_fake000001", typedNodes[1]!["stripeCharge"]!["customer"]!.GetValue<string>());
        Assert.Null(typedNodes[3]!["stripeCharge"]);
    }

    [Fact]
    public async Task A_model_navigates_to_Stripe_customers_by_their_id()
    {
        await Admin.PostGraphQLAsync("""mutation($k: String!) { connectStripe(input: { secretKey: $k }) { errors { message } } }""", new { k = FakeStripeServer.SecretKey });
        var models = (await Admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]!.AsArray();
        var stripeCustomer = models.Single(m => m!["name"]!.GetValue<string>() == "StripeCustomer")!["id"]!.GetValue<string>();
        var subscriptions = (await Admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Subscriptions", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        (await Admin.PostAsJsonAsync($"/models/{subscriptions}/records", new object[]
        {
            new { id = "a", stripe_customer = "cus_fake000002" }, new { id = "b", stripe_customer = "cus_fake000002" },
            new { id = "c", stripe_customer = "cus_nobody" },
        })).EnsureSuccessStatusCode();
        var related = await Admin.PostGraphQLAsync("""
            mutation($s: ID!, $c: ID!) { createRelationship(input: { fromModelId: $s, fromField: "stripe_customer", toModelId: $c, toField: "id", name: "stripeCustomer", inverseName: "subscriptions" }) { errors { message } } }
            """, new { s = subscriptions, c = stripeCustomer });
        _stripe.Faults.ClearRequests();

        var result = await Admin.PostGraphQLAsync("""
            query($s: ID!) { records(modelId: $s, order: [{ field: "id" }]) { nodes { id
              relatedOne(name: "stripeCustomer") { id fields } values(columns: ["stripeCustomer.email"]) } } }
            """, new { s = subscriptions });

        Assert.Null(related.Data!["createRelationship"]!["errors"]);
        Assert.True(result.Errors is null, result.Errors?.ToJsonString());
        var nodes = result.Data!["records"]!["nodes"]!.AsArray();
        Assert.Equal("customer", nodes[0]!["relatedOne"]!["fields"]!["object"]!.GetValue<string>());
        Assert.Equal("""["customer2@example.com"]""", nodes[0]!["values"]!.ToJsonString());
        Assert.Equal(nodes[0]!["relatedOne"]!.ToJsonString(), nodes[1]!["relatedOne"]!.ToJsonString());
        Assert.Null(nodes[2]!["relatedOne"]);
        // Two distinct ids, one retrieve each (the unknown one gets Stripe's 404).
        Assert.Equal(["GET /v1/customers/cus_fake000002", "GET /v1/customers/cus_nobody"],
            _stripe.Faults.Requests.Where(r => r.StartsWith("GET /v1/customers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }
}
