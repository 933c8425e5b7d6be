using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>Views over GraphQL: saved filter AND the caller's, order override, paging, columns through relationships, isolation.</summary>
public sealed class ViewGraphQLTests : IDisposable
{
    private readonly GatherApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient Admin => _factory.CreateClient(GatherApiFactory.AdminKey);

    /// <summary>Orders (amount, status, customer email) related to Customer as `customer`; customers with accounts.</summary>
    private async Task<string> SeedOrdersAsync()
    {
        var models = (await Admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]!.AsArray();
        var customer = models.Single(m => m!["name"]!.GetValue<string>() == "Customer")!["id"]!.GetValue<string>();
        var orders = (await Admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Orders", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        (await Admin.PostAsJsonAsync($"/models/{customer}/records", new[]
        {
            new { email = "ann@acme.com", account = "Acme" }, new { email = "bob@globex.com", account = "Globex" },
        })).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync($"/models/{orders}/records", new object[]
        {
            new { id = "o1", amount = 30, status = "paid", customer = "ann@acme.com" },
            new { id = "o2", amount = 75, status = "paid", customer = "bob@globex.com" },
            new { id = "o3", amount = 120, status = "open", customer = "ann@acme.com" },
            new { id = "o4", amount = 90, status = "paid", customer = "ann@acme.com" },
            new { id = "o5", amount = 60, status = "paid" },
        })).EnsureSuccessStatusCode();
        var related = await Admin.PostGraphQLAsync("""
            mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { errors { message } } }
            """, new { input = new { fromModelId = orders, fromField = "customer", toModelId = customer, toField = "email", name = "customer", inverseName = "orders" } });
        Assert.Null(related.Data!["createRelationship"]!["errors"]);
        return orders;
    }

    private async Task<JsonNode> CreateViewAsync(object input) =>
        (await Admin.PostGraphQLAsync("""
            mutation($input: CreateViewInput!) { createView(input: $input) { view { id name columns where order { field direction } } errors { message ... on ValidationError { field rule } } } }
            """, new { input })).Data!["createView"]!;

    private static string Ids(JsonNode connection) =>
        string.Join(",", connection["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));

    [Fact]
    public async Task A_view_applies_its_filter_and_the_callers_its_order_unless_overridden_and_pages()
    {
        var orders = await SeedOrdersAsync();
        var view = (await CreateViewAsync(new
        {
            name = "Paid orders", modelId = orders, columns = new[] { "amount", "customer.account", "customer" },
            where = new { field = "status", eq = "paid" }, order = new[] { new { field = "amount", direction = "DESC" } },
        }))["view"]!;
        var id = view["id"]!.GetValue<string>();

        var all = await Admin.PostGraphQLAsync("""query($id: ID!) { view(id: $id) { records { totalCount nodes { id values } } } }""", new { id });
        var narrowed = await Admin.PostGraphQLAsync("""query($id: ID!) { view(id: $id) { records(where: { field: "amount", gte: 60 }) { totalCount nodes { id } } } }""", new { id });
        var reordered = await Admin.PostGraphQLAsync("""query($id: ID!) { view(id: $id) { records(order: [{ field: "amount" }]) { nodes { id } } } }""", new { id });
        var pages = new List<string>();
        string? after = null;
        for (var i = 0; i < 5; i++)
        {
            var page = (await Admin.PostGraphQLAsync("""query($id: ID!, $after: String) { view(id: $id) { records(first: 3, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } } }""",
                new { id, after })).Data!["view"]!["records"]!;
            pages.Add(Ids(page));
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
                break;
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.Equal("""{"field":"status","eq":"paid"}""", view["where"]!.ToJsonString());
        Assert.Equal("""[{"field":"amount","direction":"DESC"}]""", view["order"]!.ToJsonString());
        Assert.Equal("""{"totalCount":4,"nodes":[{"id":"o4","values":[90,"Acme","ann@acme.com"]},{"id":"o2","values":[75,"Globex","bob@globex.com"]},{"id":"o5","values":[60,null,null]},{"id":"o1","values":[30,"Acme","ann@acme.com"]}]}""",
            all.Data!["view"]!["records"]!.ToJsonString());
        Assert.Equal("o4,o2,o5", Ids(narrowed.Data!["view"]!["records"]!));
        Assert.Equal(3, narrowed.Data["view"]!["records"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("o1,o5,o2,o4", Ids(reordered.Data!["view"]!["records"]!));
        Assert.Equal(["o4,o2,o5", "o1"], pages);
    }

    [Fact]
    public async Task Invalid_views_are_refused_naming_the_argument_and_nothing_is_stored()
    {
        var orders = await SeedOrdersAsync();

        var badFilter = await CreateViewAsync(new { name = "Bad", modelId = orders, where = new { field = "a..b", eq = 1 } });
        var badOrder = await CreateViewAsync(new { name = "Bad", modelId = orders, order = new[] { new { field = "$x", direction = "ASC" } } });
        var badColumns = await CreateViewAsync(new { name = " ", modelId = orders, columns = new[] { "amount", "amount", "a.$b" } });
        var noModel = await CreateViewAsync(new { name = "Orphan", modelId = "model_missing" });
        await CreateViewAsync(new { name = "Paid", modelId = orders });
        var duplicate = await CreateViewAsync(new { name = "PAID", modelId = orders });

        Assert.Equal("""[{"field":"where.field","rule":"fieldPath"}]""", Rules(badFilter));
        Assert.Equal("""[{"field":"order[0].field","rule":"fieldPath"}]""", Rules(badOrder));
        Assert.Equal("""[{"field":"name","rule":"required"},{"field":"columns[1]","rule":"duplicate"},{"field":"columns[2]","rule":"fieldPath"}]""", Rules(badColumns));
        Assert.Equal("""[{"field":"modelId","rule":"notFound"}]""", Rules(noModel));
        Assert.Equal("""[{"field":"name","rule":"unique"}]""", Rules(duplicate));
        Assert.Equal(["Paid"], (await Admin.PostGraphQLAsync("{ views { name } }")).Data!["views"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()));

        static string Rules(JsonNode payload) => new JsonArray(payload["errors"]!.AsArray()
            .Select(e => (JsonNode)new JsonObject { ["field"] = e!["field"]!.GetValue<string>(), ["rule"] = e["rule"]!.GetValue<string>() }).ToArray()).ToJsonString();
    }

    [Fact]
    public async Task A_view_is_updated_and_on_a_deleted_model_it_says_so()
    {
        var orders = await SeedOrdersAsync();
        var id = (await CreateViewAsync(new { name = "Paid", modelId = orders, where = new { field = "status", eq = "paid" } }))["view"]!["id"]!.GetValue<string>();

        var updated = await Admin.PostGraphQLAsync("""
            mutation($id: ID!) { updateView(input: { id: $id, name: "Open", where: { field: "status", eq: "open" }, columns: ["amount"] }) { view { name columns records { nodes { id values } } } errors { message } } }
            """, new { id });
        await Admin.PostGraphQLAsync("""mutation($id: ID!) { deleteModel(input: { id: $id, confirmName: "Orders" }) { errors { message } } }""", new { id = orders });
        var orphan = await Admin.PostGraphQLAsync("""query($id: ID!) { view(id: $id) { name model { id } records { totalCount } } }""", new { id });

        Assert.Equal("""{"view":{"name":"Open","columns":["amount"],"records":{"nodes":[{"id":"o3","values":[120]}]}},"errors":null}""",
            updated.Data!["updateView"]!.ToJsonString());
        Assert.Equal("""{"name":"Open","model":null,"records":null}""", orphan.Data!["view"]!.ToJsonString());
        Assert.Equal(["NOT_FOUND"], orphan.ErrorCodes);
        Assert.Contains("has been deleted", orphan.Errors![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_teams_view_is_invisible_and_unusable()
    {
        var orders = await SeedOrdersAsync();
        var id = (await CreateViewAsync(new { name = "Paid", modelId = orders }))["view"]!["id"]!.GetValue<string>();
        var (_, _, otherSecret) = await _factory.CreateOtherTeamAsync();
        var other = _factory.CreateClient(otherSecret);

        var listed = await other.PostGraphQLAsync("{ views { id } }");
        var read = await other.PostGraphQLAsync("""query($id: ID!) { view(id: $id) { records { totalCount } } }""", new { id });
        var deleted = await other.PostGraphQLAsync("""mutation($id: ID!) { deleteView(input: { id: $id }) { errors { __typename } } }""", new { id });
        var onTheirModel = await other.PostGraphQLAsync("""mutation($m: ID!) { createView(input: { name: "Mine", modelId: $m }) { errors { ... on ValidationError { rule } } } }""", new { m = orders });

        Assert.Equal("[]", listed.Data!["views"]!.ToJsonString());
        Assert.Equal(["NOT_FOUND"], read.ErrorCodes);
        Assert.Equal("NotFoundError", deleted.Data!["deleteView"]!["errors"]![0]!["__typename"]!.GetValue<string>());
        Assert.Equal("""[{"rule":"notFound"}]""", onTheirModel.Data!["createView"]!["errors"]!.ToJsonString());
        Assert.Single((await Admin.PostGraphQLAsync("{ views { id } }")).Data!["views"]!.AsArray());
    }
}
