using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gather.Tests.Support;

namespace Gather.Tests.Schema;

/// <summary>
/// Names a client can send that once took a team's whole typed API away (two fields that both
/// became <c>_</c>; models named like Gather's own types) now get names of their own, and the
/// team's other typed root fields keep answering, through the real HTTP pipeline and store.
/// </summary>
public sealed class TypedNamesHttpTests : IDisposable
{
    private readonly GatherApiFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private HttpClient Admin => _app.CreateClient(GatherApiFactory.AdminKey);

    private async Task<string> ModelAsync(string name)
    {
        var created = await Admin.PostGraphQLAsync("""mutation($n: String!) { createModel(input: { name: $n, idField: "id" }) { model { id } errors { message } } }""", new { n = name });
        Assert.True(created.Data!["createModel"]!["errors"] is null, created.Body.ToJsonString());
        return created.Data["createModel"]!["model"]!["id"]!.GetValue<string>();
    }

    private async Task SyncAsync(string modelId, params Dictionary<string, object>[] records) =>
        (await Admin.PostAsJsonAsync($"/models/{modelId}/records", records)).EnsureSuccessStatusCode();

    [Fact]
    public async Task Fields_named_star_and_plus_get_names_of_their_own_and_the_typed_api_stays()
    {
        var orders = await ModelAsync("Orders");
        await SyncAsync(orders, new Dictionary<string, object> { ["id"] = "o1", ["*"] = 5, ["+"] = "yes", ["status"] = "paid" });

        var result = await Admin.PostGraphQLAsync("""
            { orders(where: { star: { gt: 1 } }, order: [{ plus: ASC }]) { totalCount nodes { id star plus status } }
              ordersById(id: "o1") { star } }
            """);
        var typedApi = await Admin.PostGraphQLAsync("""
            query($m: ID!) { model(id: $m) { typedApi { typeName rootField byIdField problem fields { path name } excludedFields { path reason } } } }
            """, new { m = orders });

        Assert.True(result.Errors is null, result.Errors?.ToJsonString());
        Assert.Equal("""{"totalCount":1,"nodes":[{"id":"o1","star":5,"plus":"yes","status":"paid"}]}""", result.Data!["orders"]!.ToJsonString());
        Assert.Equal(5, result.Data["ordersById"]!["star"]!.GetValue<int>());
        Assert.True(typedApi.Errors is null, typedApi.Errors?.ToJsonString());
        Assert.Equal("""{"typeName":"Orders","rootField":"orders","byIdField":"ordersById","problem":null,"fields":[{"path":"*","name":"star"},{"path":"+","name":"plus"},{"path":"status","name":"status"}],"excludedFields":[]}""",
            typedApi.Data!["model"]!["typedApi"]!.ToJsonString(Readable));
    }

    [Fact]
    public async Task Models_named_like_gathers_own_types_get_numbered_names_and_the_other_models_keep_theirs()
    {
        var orders = await ModelAsync("Orders");
        await SyncAsync(orders, new Dictionary<string, object> { ["id"] = "o1", ["amount"] = 75 });
        foreach (var name in new[] { "Accounts", "Customers", "Records" })
            await SyncAsync(await ModelAsync(name), new Dictionary<string, object> { ["id"] = name[..1], ["note"] = name });

        var result = await Admin.PostGraphQLAsync("""
            { orders { totalCount nodes { id amount } }
              accounts_2 { nodes { id note } } customers_2 { nodes { id note } } records_2 { nodes { id note } }
              accounts_2ById(id: "A") { note }
              accounts(first: 1) { totalCount }
              models { name typedApi { typeName rootField problem } } }
            """);

        Assert.True(result.Errors is null, result.Errors?.ToJsonString());
        Assert.Equal("""{"totalCount":1,"nodes":[{"id":"o1","amount":75}]}""", result.Data!["orders"]!.ToJsonString());
        Assert.Equal("""{"nodes":[{"id":"A","note":"Accounts"}]}""", result.Data["accounts_2"]!.ToJsonString());
        Assert.Equal("""{"nodes":[{"id":"C","note":"Customers"}]}""", result.Data["customers_2"]!.ToJsonString());
        Assert.Equal("""{"nodes":[{"id":"R","note":"Records"}]}""", result.Data["records_2"]!.ToJsonString());
        Assert.Equal("Accounts", result.Data["accounts_2ById"]!["note"]!.GetValue<string>());
        var names = result.Data["models"]!.AsArray().ToDictionary(m => m!["name"]!.GetValue<string>(), m => m!["typedApi"]?.ToJsonString());
        Assert.Equal("""{"typeName":"Accounts_2","rootField":"accounts_2","problem":null}""", names["Accounts"]);
        Assert.Equal("""{"typeName":"Orders","rootField":"orders","problem":null}""", names["Orders"]);
        Assert.Equal("""{"typeName":"Account","rootField":"accounts","problem":null}""", names["Account"]);
    }

    [Fact]
    public async Task A_multi_word_model_gets_a_camel_case_root_field()
    {
        var lines = await ModelAsync("Order Lines");
        await SyncAsync(lines, new Dictionary<string, object> { ["id"] = "l1", ["unit price"] = 3, ["sku-code"] = "X1" });

        var result = await Admin.PostGraphQLAsync("""{ orderLines { nodes { id unitPrice skuCode } } orderLinesById(id: "l1") { __typename } }""");

        Assert.True(result.Errors is null, result.Errors?.ToJsonString());
        Assert.Equal("""{"nodes":[{"id":"l1","unitPrice":3,"skuCode":"X1"}]}""", result.Data!["orderLines"]!.ToJsonString());
        Assert.Equal("OrderLines", result.Data["orderLinesById"]!["__typename"]!.GetValue<string>());
    }
}
