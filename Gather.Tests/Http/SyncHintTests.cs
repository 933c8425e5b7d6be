using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// The REST sync's hints for common mistakes, through the HTTP pipeline and SQLite: a JSON body
/// sent as a form or without a content type, a model's name where its id goes, and a read
/// (GET) on the sync URL. The guide's own form-encoded call keeps working.
/// </summary>
public sealed class SyncHintTests : IDisposable
{
    private readonly GatherApiFactory _app = new();

    public void Dispose() => _app.Dispose();

    private HttpClient Admin => _app.CreateClient(GatherApiFactory.AdminKey);

    private async Task<string> OrdersAsync() =>
        (await Admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Orders", idField: "id" }) { model { id } } }"""))
        .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();

    private async Task<int> CountAsync(string modelId) =>
        (await Admin.PostGraphQLAsync("""query($m: ID!) { records(modelId: $m) { totalCount } }""", new { m = modelId }))
        .Data!["records"]!["totalCount"]!.GetValue<int>();

    private static async Task<JsonNode> ErrorAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!;

    private static ByteArrayContent Body(string text, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        if (contentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    [Theory]
    [InlineData("""{"id":"1","amount":75}""")]
    [InlineData(""" [{"id":"1"},{"id":"2"}] """)]
    public async Task A_json_body_sent_as_a_form_is_told_to_send_the_json_content_type(string body)
    {
        var orders = await OrdersAsync();

        // curl -d '{"id":"1","amount":75}' sends application/x-www-form-urlencoded.
        using var response = await Admin.PostAsync($"/models/{orders}/records", Body(body, "application/x-www-form-urlencoded"));
        var error = await ErrorAsync(response);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("Content-Type", error["extensions"]!["field"]!.GetValue<string>());
        Assert.Contains("Content-Type: application/json", error["message"]!.GetValue<string>());
        Assert.Contains("application/x-www-form-urlencoded", error["message"]!.GetValue<string>());
        Assert.Equal(0, await CountAsync(orders));
    }

    [Fact]
    public async Task A_json_body_without_a_content_type_is_told_to_send_one()
    {
        var orders = await OrdersAsync();

        using var response = await Admin.PostAsync($"/models/{orders}/records", Body("""{"id":"1","amount":75}""", null));
        var error = await ErrorAsync(response);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("no Content-Type", error["message"]!.GetValue<string>());
        Assert.Contains("Content-Type: application/json", error["message"]!.GetValue<string>());
        Assert.Equal(0, await CountAsync(orders));
    }

    [Theory]
    [InlineData("id=1234&amount=75&stripe_charge_id=ch_4567")]
    [InlineData("id=1234&note={not json}")]
    [InlineData("{x=1&id=1234")]
    public async Task Form_fields_that_are_not_one_json_document_still_sync(string body)
    {
        var orders = await OrdersAsync();

        using var response = await Admin.PostAsync($"/models/{orders}/records", Body(body, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await CountAsync(orders));
    }

    [Fact]
    public async Task A_body_without_a_content_type_that_is_not_json_is_refused_as_before()
    {
        var orders = await OrdersAsync();

        using var response = await Admin.PostAsync($"/models/{orders}/records", Body("id=1", null));
        var error = await ErrorAsync(response);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("no content type", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_model_name_in_the_url_is_answered_with_the_model_id()
    {
        var orders = await OrdersAsync();

        using var byName = await Admin.PostAsync("/models/Orders/records", Body("id=1", "application/x-www-form-urlencoded"));
        using var byOtherCase = await Admin.PostAsync("/models/orders/records", Body("id=1", "application/x-www-form-urlencoded"));
        var graphQL = await Admin.PostGraphQLAsync("""mutation($r: [JSON!]!) { syncRecords(input: { modelId: "Orders", records: $r }) { errors { message } } }""",
            new { r = new[] { new { id = "1" } } });

        Assert.Equal(HttpStatusCode.NotFound, byName.StatusCode);
        Assert.Equal($"'Orders' is a model's name; its id is {orders}. Use the id, which stays the same when the model is renamed.",
            (await ErrorAsync(byName))["message"]!.GetValue<string>());
        Assert.StartsWith($"'orders' is a model's name; its id is {orders}.", (await ErrorAsync(byOtherCase))["message"]!.GetValue<string>());
        Assert.StartsWith($"'Orders' is a model's name; its id is {orders}.", graphQL.Data!["syncRecords"]!["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(0, await CountAsync(orders));
    }

    [Fact]
    public async Task Another_teams_model_name_gets_no_hint()
    {
        await OrdersAsync();
        var (_, _, otherSecret) = await _app.CreateOtherTeamAsync();

        using var response = await _app.CreateClient(otherSecret).PostAsync("/models/Orders/records", Body("id=1", "application/x-www-form-urlencoded"));
        var message = (await ErrorAsync(response))["message"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No model with id 'Orders' exists in this team.", message);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_get_a_json_405_with_allow_pointing_reads_at_graphql(string method)
    {
        var orders = await OrdersAsync();

        using var response = await Admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/models/{orders}/records"));
        using var anonymous = await _app.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/models/{orders}/records"));
        var error = await ErrorAsync(response);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, anonymous.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("METHOD_NOT_ALLOWED", error["extensions"]!["code"]!.GetValue<string>());
        var message = error["message"]!.GetValue<string>();
        Assert.Contains("GraphQL", message);
        Assert.Contains($"records(modelId: \"{orders}\"", message);
        Assert.Equal(0, await CountAsync(orders));
    }
}
