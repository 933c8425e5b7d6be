using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gather.Tests.Support;
using static Gather.Tests.Http.IndexGraphQLTests;

namespace Gather.Tests.Views;

/// <summary>
/// A view holds the index its saved filter and order need, from when it is saved until it is
/// deleted or its filter and order change; at the team's limit it is saved all the same and says
/// it is served without one. Through the HTTP pipeline on the real SQLite store.
/// </summary>
public sealed class ViewIndexGraphQLTests
{
    private const string ViewFields = "id index { id fields { field direction } owners { kind id } } warnings { code message }";

    private static async Task<JsonNode> CreateViewAsync(HttpClient client, string modelId, string name, object? where = null, object? order = null) =>
        (await client.PostGraphQLAsync($$"""
            mutation($m: ID!, $n: String!, $w: RecordFilterInput, $o: [RecordSortInput!]) { createView(input: { name: $n, modelId: $m, where: $w, order: $o }) {
              view { {{ViewFields}} } errors { message } } }
            """, new { m = modelId, n = name, w = where, o = order })).Data!["createView"]!;

    private static async Task<JsonNode> UpdateViewAsync(HttpClient client, string id, object? where = null, object? order = null, string? name = null) =>
        (await client.PostGraphQLAsync($$"""
            mutation($id: ID!, $n: String, $w: RecordFilterInput, $o: [RecordSortInput!]) { updateView(input: { id: $id, name: $n, where: $w, order: $o }) {
              view { {{ViewFields}} } errors { message } } }
            """, new { id, n = name, w = where, o = order })).Data!["updateView"]!;

    private static readonly object PaidOverFiveThousand = new { and = new object[] { new { field = "status", eq = "paid" }, new { field = "amount", gt = 5000 } } };

    private static string Fields(JsonNode? index) =>
        string.Join(",", index!["fields"]!.AsArray().Select(f => $"{f!["field"]} {f["direction"]}"));

    [Fact]
    public async Task A_view_holds_an_index_on_its_equality_fields_then_its_order_changes_it_with_them_and_lets_go_when_deleted()
    {
        using var factory = new GatherApiFactory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await OrdersAsync(admin);

        var created = (await CreateViewAsync(admin, orders, "Big paid orders", PaidOverFiveThousand, new[] { new { field = "amount", direction = "DESC" } }))["view"]!;
        var viewId = created["id"]!.GetValue<string>();
        var listed = await IndexesAsync(admin);
        var byRange = (await UpdateViewAsync(admin, viewId, order: Array.Empty<object>()))["view"]!;
        var afterChange = await IndexesAsync(admin);
        var renamed = (await UpdateViewAsync(admin, viewId, name: "Renamed"))["view"]!;
        var deleted = await admin.PostGraphQLAsync("""mutation($id: ID!) { deleteView(input: { id: $id }) { errors { message } } }""", new { id = viewId });

        Assert.Equal("status ASC,amount DESC", Fields(created["index"]));
        Assert.Equal($$"""[{"kind":"VIEW","id":"{{viewId}}"}]""", created["index"]!["owners"]!.ToJsonString());
        Assert.Empty(created["warnings"]!.AsArray());
        Assert.Equal("Big paid orders", Assert.Single(listed)!["owners"]![0]!["view"]!["name"]!.GetValue<string>());
        // Without an order, the range field follows the equality fields; the old index is gone.
        Assert.Equal("status ASC,amount ASC", Fields(byRange["index"]));
        Assert.Equal(byRange["index"]!["id"]!.GetValue<string>(), Assert.Single(afterChange)!["id"]!.GetValue<string>());
        Assert.Equal(byRange["index"]!["id"]!.GetValue<string>(), renamed["index"]!["id"]!.GetValue<string>());
        Assert.Null(deleted.Data!["deleteView"]!["errors"]);
        Assert.Empty(await IndexesAsync(admin));
        Assert.Empty(await HeldIndexesAsync(factory));
    }

    [Fact]
    public async Task A_view_with_no_filter_or_order_needs_no_index_and_two_views_needing_the_same_share_one()
    {
        using var factory = new GatherApiFactory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await OrdersAsync(admin);
        var order = new[] { new { field = "amount", direction = "DESC" } };

        var plain = (await CreateViewAsync(admin, orders, "All orders"))["view"]!;
        var first = (await CreateViewAsync(admin, orders, "Largest", order: order))["view"]!;
        var second = (await CreateViewAsync(admin, orders, "Largest again", order: order))["view"]!;
        await admin.PostGraphQLAsync("""mutation($id: ID!) { deleteView(input: { id: $id }) { errors { message } } }""", new { id = first["id"]!.GetValue<string>() });
        var afterOneDeleted = await IndexesAsync(admin);

        Assert.Null(plain["index"]);
        Assert.Empty(plain["warnings"]!.AsArray());
        Assert.Equal(first["index"]!["id"]!.GetValue<string>(), second["index"]!["id"]!.GetValue<string>());
        var kept = Assert.Single(afterOneDeleted)!;
        Assert.Equal([second["id"]!.GetValue<string>()], kept["owners"]!.AsArray().Select(o => o!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task At_the_limit_a_view_is_saved_and_served_without_an_index_with_a_warning_and_gets_one_when_saved_with_room()
    {
        using var factory = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:Query:MaxIndexesPerTeam"] = "1" });
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await OrdersAsync(admin, records: 8);
        var taken = (await CreateIndexAsync(admin, orders, new { field = "status" }))["index"]!["id"]!.GetValue<string>();

        var created = await CreateViewAsync(admin, orders, "Big paid orders", PaidOverFiveThousand, new[] { new { field = "amount", direction = "DESC" } });
        var viewId = created["view"]!["id"]!.GetValue<string>();
        var records = await admin.PostGraphQLAsync("""query($id: ID!) { view(id: $id) { records { nodes { id } } warnings { code } } }""", new { id = viewId });
        await DropIndexAsync(admin, taken);
        var resaved = (await UpdateViewAsync(admin, viewId, name: "Big paid orders (resaved)"))["view"]!;

        Assert.Null(created["errors"]);
        Assert.Null(created["view"]!["index"]);
        var warning = Assert.Single(created["view"]!["warnings"]!.AsArray())!;
        Assert.Equal("SERVED_WITHOUT_INDEX", warning["code"]!.GetValue<string>());
        Assert.Contains("Gather:Query:MaxIndexesPerTeam", warning["message"]!.GetValue<string>());
        Assert.Equal(["8", "6"], records.Data!["view"]!["records"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal("SERVED_WITHOUT_INDEX", records.Data!["view"]!["warnings"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("status ASC,amount DESC", Fields(resaved["index"]));
        Assert.Empty(resaved["warnings"]!.AsArray());
    }

    [Fact]
    public async Task Dropping_an_index_a_view_also_holds_keeps_it_and_says_which_view_needs_it()
    {
        using var factory = new GatherApiFactory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await OrdersAsync(admin);
        var view = (await CreateViewAsync(admin, orders, "Largest", order: new[] { new { field = "amount", direction = "DESC" } }))["view"]!;
        var viewId = view["id"]!.GetValue<string>();

        var asked = await CreateIndexAsync(admin, orders, new { field = "amount", direction = "DESC" });
        var dropped = await DropIndexAsync(admin, asked["index"]!["id"]!.GetValue<string>());
        var droppedAgain = await DropIndexAsync(admin, asked["index"]!["id"]!.GetValue<string>());

        Assert.Equal(view["index"]!["id"]!.GetValue<string>(), asked["index"]!["id"]!.GetValue<string>());
        Assert.Equal(["USER", "VIEW"], asked["index"]!["owners"]!.AsArray().Select(o => o!["kind"]!.GetValue<string>()).Order());
        Assert.False(dropped["dropped"]!.GetValue<bool>());
        Assert.Contains($"view {viewId}", dropped["message"]!.GetValue<string>());
        Assert.Equal($$$"""[{"kind":"VIEW","id":"{{{viewId}}}","view":{"name":"Largest"}}]""", dropped["index"]!["owners"]!.ToJsonString());
        Assert.False(droppedAgain["dropped"]!.GetValue<bool>());
        Assert.Single(await HeldIndexesAsync(factory));
    }

    [Fact]
    public async Task On_a_model_past_the_build_bound_no_index_is_built_a_person_is_refused_and_a_view_is_saved_with_a_warning()
    {
        using var factory = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:Query:MaxIndexBuildRecords"] = "4" });
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await OrdersAsync(admin, records: 5);

        var asked = await CreateIndexAsync(admin, orders, new { field = "amount" });
        var view = await CreateViewAsync(admin, orders, "Largest", order: new[] { new { field = "amount", direction = "DESC" } });

        var error = Assert.Single(asked["errors"]!.AsArray())!;
        Assert.Equal(("modelId", "indexBuildTooLarge"), (error["field"]!.GetValue<string>(), error["rule"]!.GetValue<string>()));
        Assert.Contains("Gather:Query:MaxIndexBuildRecords", error["message"]!.GetValue<string>());
        Assert.Null(view["errors"]);
        Assert.Null(view["view"]!["index"]);
        var warning = Assert.Single(view["view"]!["warnings"]!.AsArray())!;
        Assert.Contains("Gather:Query:MaxIndexBuildRecords", warning["message"]!.GetValue<string>());
        Assert.Empty(await IndexesAsync(admin));
        Assert.Empty(await HeldIndexesAsync(factory));
    }

    [Fact]
    public async Task A_view_saved_again_keeps_the_index_it_holds_once_its_model_grows_past_the_build_bound()
    {
        using var factory = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:Query:MaxIndexBuildRecords"] = "4" });
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await OrdersAsync(admin, records: 3);
        var created = (await CreateViewAsync(admin, orders, "Largest", order: new[] { new { field = "amount", direction = "DESC" } }))["view"]!;
        var more = new JsonArray(Enumerable.Range(4, 3).Select(i => (JsonNode)new JsonObject { ["id"] = $"{i}", ["amount"] = i }).ToArray());
        (await admin.PostAsJsonAsync($"/models/{orders}/records", more)).EnsureSuccessStatusCode();

        var renamed = (await UpdateViewAsync(admin, created["id"]!.GetValue<string>(), name: "Largest first"))["view"]!;

        // Nothing is built, so the bound on builds has nothing to refuse: the index the view holds stays.
        Assert.Equal(created["index"]!["id"]!.GetValue<string>(), renamed["index"]!["id"]!.GetValue<string>());
        Assert.Empty(renamed["warnings"]!.AsArray());
        Assert.Single(await HeldIndexesAsync(factory));
    }
}
