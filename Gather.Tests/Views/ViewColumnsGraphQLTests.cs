using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;
using Gather.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Tests.Views;

/// <summary>
/// A view's columns as a frontend reads them: default columns that follow the model, labelled
/// cells and headers, <c>view(name:)</c>, and <c>attached</c> on every record type.
/// </summary>
public sealed class ViewColumnsGraphQLTests : IDisposable
{
    private readonly GatherApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient Admin => _factory.CreateClient(GatherApiFactory.AdminKey);

    private async Task<string> ModelIdAsync(string name) =>
        (await Admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]!.AsArray()
        .Single(m => m!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();

    /// <summary>Orders related to Customer as `customer` (to one); customers with accounts.</summary>
    private async Task<string> SeedOrdersAsync(int count = 3)
    {
        var customer = await ModelIdAsync("Customer");
        var orders = (await Admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Orders", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        (await Admin.PostAsJsonAsync($"/models/{customer}/records", new[]
        {
            new { email = "ann@acme.com", account = "Acme" }, new { email = "bob@globex.com", account = "Globex" },
        })).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync($"/models/{orders}/records", Enumerable.Range(1, count).Select(i =>
            new { id = $"o{i:D3}", amount = i * 10, customer = i % 2 == 0 ? "bob@globex.com" : "ann@acme.com" }))).EnsureSuccessStatusCode();
        var related = await Admin.PostGraphQLAsync("""
            mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { errors { message } } }
            """, new { input = new { fromModelId = orders, fromField = "customer", toModelId = customer, toField = "email", name = "buyer", inverseName = "orders" } });
        Assert.Null(related.Data!["createRelationship"]!["errors"]);
        return orders;
    }

    private async Task<string> CreateViewAsync(object input)
    {
        var created = (await Admin.PostGraphQLAsync("""
            mutation($input: CreateViewInput!) { createView(input: $input) { view { id } errors { message } } }
            """, new { input })).Data!["createView"]!;
        Assert.Null(created["errors"]);
        return created["view"]!["id"]!.GetValue<string>();
    }

    private static string Headers(JsonNode view) => string.Join(" | ", view["columnHeaders"]!.AsArray()
        .Select(h => $"{h!["path"]!.GetValue<string>()}:{h["label"]!.GetValue<string>()}:{h["type"]?.GetValue<string>() ?? "?"}"));

    [Fact]
    public async Task A_view_without_columns_follows_the_model_as_fields_are_synced_and_saved_columns_stay()
    {
        var orders = await SeedOrdersAsync();
        var plain = await CreateViewAsync(new { name = "Orders", modelId = orders });
        var chosen = await CreateViewAsync(new { name = "Amounts", modelId = orders, columns = new[] { "amount", "buyer.account", "buyer" } });
        const string Query = """query($id: ID!) { view(id: $id) { defaultColumns columns columnHeaders { path label type } records(first: 1) { nodes { values } } } }""";

        var before = (await Admin.PostGraphQLAsync(Query, new { id = plain })).Data!["view"]!;
        (await Admin.PostAsJsonAsync($"/models/{orders}/records", new object[]
        {
            new { id = "o001", placed_at = "2026-11-30", shippingAddress = new { city = "Oslo" } },
        })).EnsureSuccessStatusCode();
        var after = (await Admin.PostGraphQLAsync(Query, new { id = plain })).Data!["view"]!;
        var saved = (await Admin.PostGraphQLAsync(Query, new { id = chosen })).Data!["view"]!;
        var reset = (await Admin.PostGraphQLAsync("""
            mutation($id: ID!) { updateView(input: { id: $id, columns: [] }) { view { defaultColumns columns } errors { message } } }
            """, new { id = chosen })).Data!["updateView"]!;

        Assert.True(before["defaultColumns"]!.GetValue<bool>());
        Assert.Equal("id:ID:STRING | amount:Amount:INT | customer:Customer:STRING", Headers(before));
        Assert.Equal("""["o001",10,"ann@acme.com"]""", before["records"]!["nodes"]![0]!["values"]!.ToJsonString());
        // Synced later, shown now: the ID field first, then the catalogue's top-level fields in order.
        Assert.Equal("id:ID:STRING | amount:Amount:INT | customer:Customer:STRING | placed_at:Placed at:STRING | shippingAddress:Shipping address:JSON",
            Headers(after));
        Assert.Equal("""["id","amount","customer","placed_at","shippingAddress"]""", after["columns"]!.ToJsonString());
        Assert.Equal("""["o001",10,"ann@acme.com","2026-11-30",{"city":"Oslo"}]""", after["records"]!["nodes"]![0]!["values"]!.ToJsonString());
        // Saved columns stay as saved; through a relationship, the type is the related model's.
        Assert.False(saved["defaultColumns"]!.GetValue<bool>());
        Assert.Equal("amount:Amount:INT | buyer.account:Buyer · Account:STRING | buyer:Buyer:STRING", Headers(saved));
        Assert.Equal("""[10,"Acme","ann@acme.com"]""", saved["records"]!["nodes"]![0]!["values"]!.ToJsonString());
        Assert.Null(reset["errors"]);
        Assert.True(reset["view"]!["defaultColumns"]!.GetValue<bool>());
        Assert.Equal("""["id","amount","customer","placed_at","shippingAddress"]""", reset["view"]!["columns"]!.ToJsonString());
    }

    [Fact]
    public async Task Records_read_on_their_own_show_the_default_cells_or_the_columns_asked_for()
    {
        var orders = await SeedOrdersAsync(2);

        var result = await Admin.PostGraphQLAsync("""
            query($m: ID!) { records(modelId: $m, first: 1) { nodes {
              all: cells { column label type value }
              some: cells(columns: ["buyer.account", "stripeCharge.status", "stripeCharge.metadata.plan"]) { column label type value } } } }
            """, new { m = orders });
        var toMany = await Admin.PostGraphQLAsync("""
            query($m: ID!) { records(modelId: $m, first: 1) { nodes { cells(columns: ["orders.amount"]) { value } } } }
            """, new { m = await ModelIdAsync("Customer") });

        Assert.True(result.Errors is null, result.Errors?.ToJsonString());
        var node = result.Data!["records"]!["nodes"]![0]!;
        Assert.Equal("""[{"column":"id","label":"ID","type":"STRING","value":"o001"},{"column":"amount","label":"Amount","type":"INT","value":10},{"column":"customer","label":"Customer","type":"STRING","value":"ann@acme.com"}]""",
            node["all"]!.ToJsonString());
        Assert.Equal("""[{"column":"buyer.account","label":"Buyer \u00B7 Account","type":"STRING","value":"Acme"},{"column":"stripeCharge.status","label":"Stripe charge \u00B7 Status","type":"STRING","value":null},{"column":"stripeCharge.metadata.plan","label":"Stripe charge \u00B7 Metadata \u00B7 Plan","type":null,"value":null}]""",
            node["some"]!.ToJsonString());
        Assert.Equal(["INVALID_ARGUMENT"], toMany.ErrorCodes.Distinct());
        Assert.Contains("leads to many", toMany.Errors![0]!["message"]!.GetValue<string>());
        var tooMany = await Admin.PostGraphQLAsync("""
            query($m: ID!, $c: [String!]) { records(modelId: $m, first: 1) { nodes { cells(columns: $c) { value } } } }
            """, new { m = orders, c = Enumerable.Range(0, 51).Select(i => $"f{i}").ToArray() });
        Assert.Equal(["INVALID_ARGUMENT"], tooMany.ErrorCodes);
        Assert.Equal("limit", tooMany.Errors![0]!["extensions"]!["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_view_is_found_by_name_ignoring_case_and_exactly_one_of_id_and_name_is_given()
    {
        var orders = await SeedOrdersAsync(1);
        var id = await CreateViewAsync(new { name = "Paid Orders", modelId = orders });

        var byName = await Admin.PostGraphQLAsync("""{ view(name: "paid orders") { id name } }""");
        var padded = await Admin.PostGraphQLAsync("""{ view(name: "  PAID ORDERS ") { id } }""");
        var missing = await Admin.PostGraphQLAsync("""{ view(name: "Open orders") { id } }""");
        var both = await Admin.PostGraphQLAsync("""query($id: ID!) { view(id: $id, name: "Paid Orders") { id } }""", new { id });
        var neither = await Admin.PostGraphQLAsync("{ view { id } }");

        Assert.Equal(id, byName.Data!["view"]!["id"]!.GetValue<string>());
        Assert.Equal("Paid Orders", byName.Data["view"]!["name"]!.GetValue<string>());
        Assert.Equal(id, padded.Data!["view"]!["id"]!.GetValue<string>());
        Assert.Null(missing.Data!["view"]);
        Assert.Equal(["NOT_FOUND"], missing.ErrorCodes);
        Assert.Contains("No view named 'Open orders'", missing.Errors![0]!["message"]!.GetValue<string>());
        foreach (var wrong in new[] { both, neither })
        {
            Assert.Null(wrong.Data!["view"]);
            Assert.Equal(["INVALID_ARGUMENT"], wrong.ErrorCodes);
            Assert.Equal("exactlyOne", wrong.Errors![0]!["extensions"]!["rule"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Records_accounts_and_customers_expose_their_attached_data_without_the_times_kept_to_order_it()
    {
        var customer = await ModelIdAsync("Customer");
        (await Admin.PostAsJsonAsync($"/models/{customer}/records", new[]
        {
            new { email = "ann@acme.com", account = "Acme", stripe_charge_id = "ch_1" }, new { email = "bob@globex.com", account = "Globex", stripe_charge_id = "ch_2" },
        })).EnsureSuccessStatusCode();
        var teamId = (await Admin.PostGraphQLAsync("{ viewer { team { id } } }")).Data!["viewer"]!["team"]!["id"]!.GetValue<string>();
        var team = _factory.Services.GetRequiredService<IGatherStore>().ForTeam(teamId);
        var charge = new JsonObject { ["id"] = "ch_1", ["amount"] = 7500, ["status"] = "succeeded" };
        Assert.Equal(1, await team.Records.AttachAsync(customer, new FieldPath(["stripe_charge_id"]), AttachedData.StripeCharge,
            [new AttachedSnapshot("ch_1", charge, 1_700_000_000)], DateTimeOffset.UtcNow, CancellationToken.None));

        var result = await Admin.PostGraphQLAsync("""
            query($m: ID!) {
              customers(order: [{ field: "email" }]) { nodes { email attached } }
              account(name: "Acme") { attached }
              records(modelId: $m, order: [{ field: "email" }]) { nodes { id attached } } }
            """, new { m = customer });

        Assert.True(result.Errors is null, result.Errors?.ToJsonString());
        Assert.Equal("""[{"email":"ann@acme.com","attached":{"stripeCharge":{"id":"ch_1","amount":7500,"status":"succeeded"}}},{"email":"bob@globex.com","attached":{}}]""",
            result.Data!["customers"]!["nodes"]!.ToJsonString());
        Assert.Equal("""[{"id":"ann@acme.com","attached":{"stripeCharge":{"id":"ch_1","amount":7500,"status":"succeeded"}}},{"id":"bob@globex.com","attached":{}}]""",
            result.Data["records"]!["nodes"]!.ToJsonString());
    }

    [Fact]
    public async Task A_pages_cells_cost_the_same_store_round_trips_for_1_10_and_100_records()
    {
        var orders = await SeedOrdersAsync(100);
        var plain = await CreateViewAsync(new { name = "Orders", modelId = orders });
        var chosen = await CreateViewAsync(new { name = "Buyers", modelId = orders, columns = new[] { "amount", "buyer.account", "stripeCharge.status" } });
        await Admin.PostGraphQLAsync("{ __typename }"); // the team's typed schema is checked on the first request

        var trips = new Dictionary<(string, int), int>();
        foreach (var view in new[] { plain, chosen })
            foreach (var size in new[] { 1, 10, 100 })
            {
                var result = await Admin.PostGraphQLAsync("""
                    query($id: ID!, $n: Int!) { view(id: $id) { columnHeaders { path } records(first: $n) { nodes { values cells { column label type value } } } } }
                    """, new { id = view, n = size });
                Assert.True(result.Errors is null, result.Errors?.ToJsonString());
                Assert.Equal(size, result.Data!["view"]!["records"]!["nodes"]!.AsArray().Count);
                trips[(view, size)] = result.StoreRoundTrips!.Value;
            }

        foreach (var view in new[] { plain, chosen })
        {
            Assert.Equal(trips[(view, 1)], trips[(view, 10)]);
            Assert.Equal(trips[(view, 1)], trips[(view, 100)]);
        }
    }
}
