using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// Saving a view is not writing data: a MANAGE_VIEWS key creates, changes and deletes views but
/// cannot sync or change models; a READ key cannot save views; WRITE and ADMIN keys still can.
/// Enforced on the API, through the HTTP pipeline and the SQLite store.
/// </summary>
public sealed class ViewScopeTests : IDisposable
{
    private readonly GatherApiFactory _app = new();

    public void Dispose() => _app.Dispose();

    private HttpClient Admin => _app.CreateClient(GatherApiFactory.AdminKey);

    private async Task<HttpClient> KeyAsync(string scope)
    {
        var created = (await Admin.PostGraphQLAsync($"mutation {{ createApiKey(input: {{ name: \"{scope} key\", scopes: [{scope}] }}) {{ secret errors {{ message }} }} }}"))
            .Data!["createApiKey"]!;
        Assert.Null(created["errors"]);
        return _app.CreateClient(created["secret"]!.GetValue<string>());
    }

    private async Task<string> OrdersAsync() =>
        (await Admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Orders", idField: "id" }) { model { id } } }"""))
        .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();

    private static Task<GraphQLResponse> CreateViewAsync(HttpClient client, string modelId, string name) =>
        client.PostGraphQLAsync("""mutation($m: ID!, $n: String!) { createView(input: { name: $n, modelId: $m }) { view { id name } errors { message } } }""",
            new { m = modelId, n = name });

    [Fact]
    public async Task A_read_key_cannot_create_a_view_and_is_told_which_scope_would()
    {
        var orders = await OrdersAsync();
        var reader = await KeyAsync("READ");

        var created = await CreateViewAsync(reader, orders, "Mine");
        var views = await Admin.PostGraphQLAsync("{ views { name } }");

        Assert.Equal(["FORBIDDEN"], created.ErrorCodes);
        var message = created.Errors![0]!["message"]!.GetValue<string>();
        Assert.Contains("'manage_views'", message);
        Assert.Contains("MANAGE_VIEWS, WRITE or ADMIN", message);
        Assert.Empty(views.Data!["views"]!.AsArray());
    }

    [Fact]
    public async Task A_manage_views_key_manages_views_but_cannot_sync_or_change_models()
    {
        var orders = await OrdersAsync();
        var curator = await KeyAsync("MANAGE_VIEWS");

        var viewer = await curator.PostGraphQLAsync("{ viewer { scopes } }");
        var created = (await CreateViewAsync(curator, orders, "Big orders")).Data!["createView"]!;
        var id = created["view"]!["id"]!.GetValue<string>();
        var renamed = (await curator.PostGraphQLAsync("""mutation($id: ID!) { updateView(input: { id: $id, name: "Large orders" }) { view { name } errors { message } } }""",
            new { id })).Data!["updateView"]!;
        var read = await curator.PostGraphQLAsync("""query($id: ID!) { view(id: $id) { name records { totalCount } } }""", new { id });
        var deleted = (await curator.PostGraphQLAsync("""mutation($id: ID!) { deleteView(input: { id: $id }) { view { id } errors { message } } }""",
            new { id })).Data!["deleteView"]!;
        using var sync = await curator.PostAsync($"/models/{orders}/records",
            new StringContent("id=1&amount=75", Encoding.UTF8, "application/x-www-form-urlencoded"));
        var syncGraphQL = await curator.PostGraphQLAsync("""mutation($m: ID!, $r: [JSON!]!) { syncRecords(input: { modelId: $m, records: $r }) { created } }""",
            new { m = orders, r = new[] { new { id = "1" } } });
        var model = await curator.PostGraphQLAsync("""mutation { createModel(input: { name: "Refunds", idField: "id" }) { model { id } } }""");
        var relationship = await curator.PostGraphQLAsync("""
            mutation($m: ID!) { createRelationship(input: { fromModelId: $m, fromField: "account", toModelId: $m, toField: "id", name: "account", inverseName: "orders" }) { relationship { id } } }
            """, new { m = orders });
        var records = await Admin.PostGraphQLAsync("""query($m: ID!) { records(modelId: $m) { totalCount } }""", new { m = orders });

        Assert.Equal("""["MANAGE_VIEWS"]""", viewer.Data!["viewer"]!["scopes"]!.ToJsonString());
        Assert.Null(created["errors"]);
        Assert.Null(renamed["errors"]);
        Assert.Equal("Large orders", renamed["view"]!["name"]!.GetValue<string>());
        Assert.Null(read.Errors);
        Assert.Equal(0, read.Data!["view"]!["records"]!["totalCount"]!.GetValue<int>());
        Assert.Null(deleted["errors"]);
        Assert.Equal(HttpStatusCode.Forbidden, sync.StatusCode);
        Assert.Equal("FORBIDDEN", JsonNode.Parse(await sync.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(["FORBIDDEN"], syncGraphQL.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], model.ErrorCodes);
        Assert.Contains("FORBIDDEN", relationship.ErrorCodes);
        Assert.Equal(0, records.Data!["records"]!["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("WRITE")]
    [InlineData("ADMIN")]
    public async Task Write_and_admin_keys_still_manage_views(string scope)
    {
        var orders = await OrdersAsync();
        var client = await KeyAsync(scope);

        var created = (await CreateViewAsync(client, orders, $"{scope} view")).Data!["createView"]!;
        var id = created["view"]!["id"]!.GetValue<string>();
        var renamed = (await client.PostGraphQLAsync("""mutation($id: ID!) { updateView(input: { id: $id, name: "Renamed" }) { errors { message } } }""",
            new { id })).Data!["updateView"]!;
        var deleted = (await client.PostGraphQLAsync("""mutation($id: ID!) { deleteView(input: { id: $id }) { errors { message } } }""",
            new { id })).Data!["deleteView"]!;

        Assert.Null(created["errors"]);
        Assert.Null(renamed["errors"]);
        Assert.Null(deleted["errors"]);
    }
}
