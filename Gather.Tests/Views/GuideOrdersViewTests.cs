using System.Text.Json.Nodes;
using Gather.Tests.Support;
using static Gather.Tests.Support.IntegrationTaskSteps;

namespace Gather.Tests.Views;

/// <summary>
/// The product guide, end to end over HTTP: create Orders, sync orders with curl's form fields,
/// connect Stripe, add Sync Stripe Charges, create a view with only a name and a model, and see
/// each order's custom data and its Stripe charge in one query, as labelled cells.
/// </summary>
public sealed class GuideOrdersViewTests : IAsyncLifetime
{
    private StripeGuideHost _host = null!;

    public async Task InitializeAsync() => _host = await StripeGuideHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Admin => _host.Admin;

    /// <summary>The guide's curl: <c>curl -X POST …/models/{id}/records -d id=1234 -d amount=75 -d stripe_charge_id=ch_…</c>.</summary>
    private async Task SyncFormAsync(string model, params (string Name, string Value)[] fields) =>
        (await Admin.PostAsync($"/models/{model}/records",
            new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))))).EnsureSuccessStatusCode();

    private static (string, string, string?) Header(JsonNode? header) =>
        (header!["path"]!.GetValue<string>(), header["label"]!.GetValue<string>(), header["type"]?.GetValue<string>());

    private static Dictionary<string, JsonNode?> CellsOf(JsonNode node) =>
        node["cells"]!.AsArray().ToDictionary(c => c!["column"]!.GetValue<string>(), c => c!["value"]?.DeepClone());

    [Fact]
    public async Task The_guides_orders_view_shows_each_orders_custom_data_and_its_stripe_charge_in_one_query()
    {
        // Arrange: the guide's steps.
        var orders = (await Admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Orders", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        await SyncFormAsync(orders, ("id", "1234"), ("amount", "75"), ("stripe_charge_id", "ch_fake000000000"));
        await SyncFormAsync(orders, ("id", "1235"), ("amount", "20"), ("stripe_charge_id", "ch_fake000001002"));
        await SyncFormAsync(orders, ("id", "4567"), ("amount", "12"), ("stripe_charge_id", "ch_4567"));
        var integration = await ConnectStripeAsync(Admin);
        var task = await CreateChargesTaskAsync(Admin, integration, orders);
        await WaitForTaskAsync(Admin, task, t => Is(t, "SUCCEEDED"));
        var created = (await Admin.PostGraphQLAsync("""
            mutation($m: ID!) { createView(input: { name: "Orders", modelId: $m }) { view { id defaultColumns } errors { message } } }
            """, new { m = orders })).Data!["createView"]!;

        // Act: "Go to your Orders view".
        var result = await Admin.PostGraphQLAsync("""
            { view(name: "Orders") { name defaultColumns columns columnHeaders { path label type }
                records(order: [{ field: "id" }]) { nodes { id fields attached values cells { column label type value } } } } }
            """);

        // Assert
        Assert.Null(created["errors"]);
        Assert.True(result.Errors is null, result.Errors?.ToJsonString());
        var view = result.Data!["view"]!;
        Assert.True(view["defaultColumns"]!.GetValue<bool>());
        var headers = view["columnHeaders"]!.AsArray();
        Assert.Equal(["id", "amount", "stripe_charge_id", "stripeCharge.id", "stripeCharge.amount"],
            headers.Take(5).Select(h => h!["path"]!.GetValue<string>()));
        Assert.Equal(view["columns"]!.AsArray().Select(c => c!.GetValue<string>()), headers.Select(h => h!["path"]!.GetValue<string>()));
        Assert.Contains(("stripeCharge.status", "Stripe charge · Status", "STRING"), headers.Select(Header));
        Assert.Contains(("stripeCharge.amount", "Stripe charge · Amount", "INT"), headers.Select(Header));
        Assert.Contains(("stripe_charge_id", "Stripe charge ID", "STRING"), headers.Select(Header));

        var nodes = view["records"]!["nodes"]!.AsArray();
        Assert.Equal(["1234", "1235", "4567"], nodes.Select(n => n!["id"]!.GetValue<string>()));
        foreach (var node in nodes)
        {
            // Cells follow the header, in order, with the same labels and types.
            Assert.Equal(headers.Select(h => h!["path"]!.GetValue<string>()), node!["cells"]!.AsArray().Select(c => c!["column"]!.GetValue<string>()));
            Assert.Equal(headers.Select(h => h!["label"]!.ToJsonString()), node["cells"]!.AsArray().Select(c => c!["label"]!.ToJsonString()));
            Assert.Equal(node["cells"]!.AsArray().Select(c => c!["value"]?.ToJsonString()), node["values"]!.AsArray().Select(v => v?.ToJsonString()));
        }
        var paid = CellsOf(nodes[0]!);
        Assert.Equal("1234", paid["id"]!.GetValue<string>());
        Assert.Equal(nodes[0]!["fields"]!["amount"]!.ToJsonString(), paid["amount"]!.ToJsonString());
        Assert.Equal("ch_fake000000000", paid["stripe_charge_id"]!.GetValue<string>());
        Assert.Equal("ch_fake000000000", paid["stripeCharge.id"]!.GetValue<string>());
        Assert.Equal(500, paid["stripeCharge.amount"]!.GetValue<long>());
        Assert.Equal("succeeded", paid["stripeCharge.status"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(paid["stripeCharge.currency"]!.GetValue<string>()));
        Assert.Equal("failed", CellsOf(nodes[1]!)["stripeCharge.status"]!.GetValue<string>());
        // Stripe knows no ch_4567: the order shows its own data and an empty charge.
        var unknown = CellsOf(nodes[2]!);
        Assert.Equal("ch_4567", unknown["stripe_charge_id"]!.GetValue<string>());
        Assert.Null(unknown["stripeCharge.id"]);
        Assert.Null(unknown["stripeCharge.status"]);

        // `fields` and `attached` carry the same in one object each.
        Assert.Equal("ch_fake000000000", nodes[0]!["attached"]!["stripeCharge"]!["id"]!.GetValue<string>());
        Assert.Equal(500, nodes[0]!["attached"]!["stripeCharge"]!["amount"]!.GetValue<long>());
        Assert.Null(nodes[0]!["attached"]!["_asOf"]);
        Assert.Equal("{}", nodes[2]!["attached"]!.ToJsonString());
        Assert.Equal("ch_fake000000000", nodes[0]!["fields"]!["stripe_charge_id"]!.GetValue<string>());
    }
}
