using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>The documented REST sync call and its rules, through the real HTTP pipeline and SQLite store.</summary>
public sealed class RecordSyncHttpTests : IDisposable
{
    private readonly GatherApiFactory _factory = new(new Dictionary<string, string?>
    {
        ["Gather:Sync:MaxBatchSize"] = "5",
        ["Gather:Sync:MaxRecordBytes"] = "1024",
        ["Gather:Sync:MaxDepth"] = "3",
        ["Gather:Sync:MaxFieldNameLength"] = "16",
        ["Gather:Sync:MaxIdLength"] = "10",
        ["Gather:Sync:MaxRequestBodyBytes"] = "8192",
    });

    public void Dispose() => _factory.Dispose();

    private HttpClient Admin => _factory.CreateClient(GatherApiFactory.AdminKey);

    private async Task<string> CreateOrdersModelAsync()
    {
        var response = await Admin.PostGraphQLAsync("""
            mutation { createModel(input: { name: "Orders", idField: "id", fields: [{ path: "zip", type: STRING }, { path: "qty", type: INT }] }) {
              model { id } errors { message } } }
            """);
        return response.Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
    }

    private async Task<JsonNode> ReadRecordsAsync(string modelId) =>
        (await Admin.PostGraphQLAsync("""
            query($m: ID!) { records(modelId: $m, order: [{ field: "id" }]) { totalCount nodes { id fields } } model(id: $m) { fields { path recordCount } } }
            """, new { m = modelId })).Data!;

    [Fact]
    public async Task The_docs_curl_call_upserts_a_record_that_reads_back_with_a_numeric_amount()
    {
        var modelId = await CreateOrdersModelAsync();

        // curl http://localhost:5000/models/{MODEL_ID}/records -H "Authorization: Token {API_KEY}" -d id="1234" -d amount=75 -d stripe_charge_id=ch_4567
        using var response = await Admin.PostAsync($"/models/{modelId}/records",
            new StringContent("id=1234&amount=75&stripe_charge_id=ch_4567", Encoding.UTF8, "application/x-www-form-urlencoded"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var record = (await Admin.PostGraphQLAsync("""query($m: ID!) { record(modelId: $m, id: "1234") { id fields } }""",
            new { m = modelId })).Data!["record"]!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"index":0,"id":"1234","status":"created"}""", body["records"]![0]!.ToJsonString());
        Assert.Equal("1234", record["id"]!.GetValue<string>());
        Assert.Equal(75, record["fields"]!["amount"]!.GetValue<long>());
        Assert.Equal("ch_4567", record["fields"]!["stripe_charge_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Form_values_are_typed_by_the_documented_rule_and_declared_types_win()
    {
        var modelId = await CreateOrdersModelAsync();

        await Admin.PostAsync($"/models/{modelId}/records", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = "7", ["zip"] = "00501", ["qty"] = "3", ["price"] = "19.90", ["code"] = "007", ["paid"] = "true",
            ["big"] = "1e3", ["label"] = "True", ["neg"] = "-4",
        }));
        var fields = (await ReadRecordsAsync(modelId))["records"]!["nodes"]![0]!["fields"]!;

        Assert.Equal("""{"id":"7","zip":"00501","qty":3,"price":19.9,"code":"007","paid":true,"big":"1e3","label":"True","neg":-4}""",
            fields.ToJsonString());
    }

    [Fact]
    public async Task Json_objects_and_arrays_sync_and_report_created_updated_and_unchanged()
    {
        var modelId = await CreateOrdersModelAsync();
        await Admin.PostAsJsonAsync($"/models/{modelId}/records", new { id = "1", amount = 10 });

        using var response = await Admin.PostAsync($"/models/{modelId}/records", new StringContent(
            """[{"id":"1","amount":10},{"id":"2","amount":20},{"id":"1","amount":11}]""", Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["unchanged", "created", "updated"], body["records"]!.AsArray().Select(r => r!["status"]!.GetValue<string>()));
        Assert.Equal((1, 1, 1), (body["created"]!.GetValue<int>(), body["updated"]!.GetValue<int>(), body["unchanged"]!.GetValue<int>()));
        Assert.Equal(11, (await ReadRecordsAsync(modelId))["records"]!["nodes"]![0]!["fields"]!["amount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Standard_models_sync_through_the_same_endpoint_keyed_by_name_and_email()
    {
        var models = (await Admin.PostGraphQLAsync("{ models { id name idField kind } }")).Data!["models"]!.AsArray();
        var account = models.Single(m => m!["name"]!.GetValue<string>() == "Account")!;
        var customer = models.Single(m => m!["name"]!.GetValue<string>() == "Customer")!;

        await Admin.PostAsJsonAsync($"/models/{account["id"]}/records", new { name = "Acme", plan = "pro" });
        using var synced = await Admin.PostAsJsonAsync($"/models/{customer["id"]}/records", new { email = "ada@ac.me", account = "Acme", seats = 3 });
        Assert.True(synced.IsSuccessStatusCode, await synced.Content.ReadAsStringAsync());
        var data = (await Admin.PostGraphQLAsync("""
            { account(name: "Acme") { name fields } customers(where: { field: "account", eq: "Acme" }) { totalCount nodes { email accountName fields } } }
            """)).Data!;

        Assert.Equal(["STANDARD", "STANDARD"], new[] { account["kind"]!.GetValue<string>(), customer["kind"]!.GetValue<string>() });
        Assert.Equal(("name", "email"), (account["idField"]!.GetValue<string>(), customer["idField"]!.GetValue<string>()));
        Assert.Equal("""{"name":"Acme","fields":{"plan":"pro"}}""", data["account"]!.ToJsonString());
        Assert.Equal("""{"totalCount":1,"nodes":[{"email":"ada@ac.me","accountName":"Acme","fields":{"seats":3}}]}""",
            data["customers"]!.ToJsonString());
    }

    public static TheoryData<string, string, string> InvalidRecords => new()
    {
        { """{"id":"1","$where":"x"}""", "$where", "dollarPrefix" },
        { """{"id":"1","a.b":1}""", "a.b", "dot" },
        { """{"id":"1","":1}""", "", "required" },
        { """{"id":"1","a_field_name_that_is_too_long":1}""", "a_field_name_that_is_too_long", "maxLength" },
        { """{"id":"1","x":{"$gt":1}}""", "x.$gt", "dollarPrefix" },
        { """{"id":"1","a":{"b":{"c":{"d":1}}}}""", "a.b.c", "maxDepth" },
        { """{"id":"1","big":"{{BIG}}"}""", "", "maxSize" },
        { """{"amount":1}""", "id", "required" },
        { """{"id":"   "}""", "id", "required" },
        { """{"id":{"nested":1}}""", "id", "type" },
        { """{"id":"12345678901"}""", "id", "maxLength" },
        { """{"id":"1","qty":"many"}""", "qty", "type" },
        { """{"id":"1","zip":{"a":1}}""", "zip", "type" },
        { "[1]", "", "object" },
    };

    [Theory]
    [MemberData(nameof(InvalidRecords))]
    public async Task An_invalid_record_is_rejected_naming_the_field_and_rule_and_nothing_changes(string record, string field, string rule)
    {
        var modelId = await CreateOrdersModelAsync();
        var json = record.Replace("{{BIG}}", new string('x', 1100));

        using var response = await Admin.PostAsync($"/models/{modelId}/records", new StringContent(json, Encoding.UTF8, "application/json"));
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!;
        var after = await ReadRecordsAsync(modelId);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal((0, field, rule), (error["extensions"]!["index"]!.GetValue<int>(), error["extensions"]!["field"]!.GetValue<string>(),
            error["extensions"]!["rule"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()));
        Assert.Equal(0, after["records"]!["totalCount"]!.GetValue<int>());
        Assert.DoesNotContain(after["model"]!["fields"]!.AsArray(), f => f!["recordCount"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Valid_records_of_a_batch_are_written_and_invalid_ones_reported_by_index()
    {
        var modelId = await CreateOrdersModelAsync();

        using var response = await Admin.PostAsync($"/models/{modelId}/records", new StringContent(
            """[{"id":"1"},{"id":"2","a.b":1},{"id":"3"}]""", Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0, 2], body["records"]!.AsArray().Select(r => r!["index"]!.GetValue<int>()));
        Assert.Equal(1, body["errors"]![0]!["extensions"]!["index"]!.GetValue<int>());
        Assert.Equal(2, (await ReadRecordsAsync(modelId))["records"]!["totalCount"]!.GetValue<int>());
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadRequests => new()
    {
        { "application/json", """[{"id":"1"},{"id":"2"},{"id":"3"},{"id":"4"},{"id":"5"},{"id":"6"}]""", HttpStatusCode.BadRequest, "INVALID_ARGUMENT" },
        { "application/json", """{"id":""", HttpStatusCode.BadRequest, "BAD_REQUEST" },
        { "application/json", """{"id":"1","id":"2"}""", HttpStatusCode.BadRequest, "BAD_REQUEST" },
        { "application/json", "42", HttpStatusCode.BadRequest, "BAD_REQUEST" },
        { "application/x-www-form-urlencoded", "id=1&id=2", HttpStatusCode.BadRequest, "BAD_REQUEST" },
        { "text/plain", "id=1", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE" },
        { "application/json", "[" + string.Join(",", Enumerable.Repeat("""{"id":"1","pad":"0123456789"}""", 400)) + "]",
            HttpStatusCode.RequestEntityTooLarge, "REQUEST_TOO_LARGE" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_request_that_cannot_be_read_gets_a_clear_error_and_changes_nothing(string contentType, string body,
        HttpStatusCode status, string code)
    {
        var modelId = await CreateOrdersModelAsync();

        using var response = await Admin.PostAsync($"/models/{modelId}/records", new StringContent(body, Encoding.UTF8, contentType));
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!;

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(0, (await ReadRecordsAsync(modelId))["records"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_models_missing_keys_and_read_only_keys_are_refused()
    {
        var modelId = await CreateOrdersModelAsync();
        var readKey = (await Admin.PostGraphQLAsync("""mutation { createApiKey(input: { name: "reader", scopes: [READ] }) { secret } }"""))
            .Data!["createApiKey"]!["secret"]!.GetValue<string>();
        HttpContent Record() => new StringContent("""{"id":"1"}""", Encoding.UTF8, "application/json");

        using var unknown = await Admin.PostAsync("/models/model_nope/records", Record());
        using var anonymous = await _factory.CreateClient(apiKey: null).PostAsync($"/models/{modelId}/records", Record());
        using var readOnly = await _factory.CreateClient(readKey).PostAsync($"/models/{modelId}/records", Record());

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readOnly.StatusCode);
        Assert.Equal(0, (await ReadRecordsAsync(modelId))["records"]!["totalCount"]!.GetValue<int>());
    }
}
