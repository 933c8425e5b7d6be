using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>Models, syncRecords/deleteRecords and record reads over GraphQL, through the real HTTP pipeline.</summary>
public sealed class ModelAndRecordGraphQLTests : IDisposable
{
    private readonly GatherApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient Admin => _factory.CreateClient(GatherApiFactory.AdminKey);

    private async Task<string> CreateModelAsync(string name)
    {
        var data = (await Admin.PostGraphQLAsync("""
            mutation($n: String!) { createModel(input: { name: $n, idField: "id" }) { model { id } errors { message } } }
            """, new { n = name })).Data!;
        return data["createModel"]!["model"]!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Models_are_created_renamed_and_deleted_with_confirmation_and_standard_ones_are_protected()
    {
        var id = await CreateModelAsync("Orders");

        var duplicate = await Admin.PostGraphQLAsync("""mutation { createModel(input: { name: "orders", idField: "id" }) { model { id } errors { ... on ValidationError { field rule } } } }""");
        var badName = await Admin.PostGraphQLAsync("""mutation { createModel(input: { name: "9 lives", idField: "a.b" }) { errors { ... on ValidationError { field rule } } } }""");
        var renamed = await Admin.PostGraphQLAsync("""mutation($id: ID!) { renameModel(input: { id: $id, name: "Purchases" }) { model { name } } }""", new { id });
        var unconfirmed = await Admin.PostGraphQLAsync("""mutation($id: ID!) { deleteModel(input: { id: $id, confirmName: "Orders" }) { errors { ... on ValidationError { rule } } } }""", new { id });
        var account = (await Admin.PostGraphQLAsync("""{ models { id name } }""")).Data!["models"]![0]!["id"]!.GetValue<string>();
        var standard = await Admin.PostGraphQLAsync("""mutation($id: ID!) { deleteModel(input: { id: $id, confirmName: "Account" }) { errors { ... on ValidationError { rule } } } }""", new { id = account });
        var deleted = await Admin.PostGraphQLAsync("""mutation($id: ID!) { deleteModel(input: { id: $id, confirmName: "Purchases" }) { model { name } deletedRecordCount errors { message } } }""", new { id });

        Assert.Equal("""[{"field":"name","rule":"unique"}]""", duplicate.Data!["createModel"]!["errors"]!.ToJsonString());
        Assert.Equal("""[{"field":"name","rule":"characters"},{"field":"idField","rule":"dot"}]""", badName.Data!["createModel"]!["errors"]!.ToJsonString());
        Assert.Equal("Purchases", renamed.Data!["renameModel"]!["model"]!["name"]!.GetValue<string>());
        Assert.Equal("""[{"rule":"confirmation"}]""", unconfirmed.Data!["deleteModel"]!["errors"]!.ToJsonString());
        Assert.Equal("""[{"rule":"standardModel"}]""", standard.Data!["deleteModel"]!["errors"]!.ToJsonString());
        Assert.Equal("""{"model":{"name":"Purchases"},"deletedRecordCount":0,"errors":null}""", deleted.Data!["deleteModel"]!.ToJsonString());
        Assert.Equal(["Account", "Customer"], (await Admin.PostGraphQLAsync("{ models { name } }")).Data!["models"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SyncRecords_and_deleteRecords_report_per_record_and_the_catalogue_follows()
    {
        var id = await CreateModelAsync("Orders");

        var synced = await Admin.PostGraphQLAsync("""
            mutation($id: ID!, $bad: JSON!) { syncRecords(input: { modelId: $id, records: [{ id: "1", amount: 75, status: "paid" }, $bad, { id: "3", amount: 7.5 }] }) {
              records { index id status } created updated unchanged errors { message ... on RecordError { index field rule } } } }
            """, new { id, bad = new Dictionary<string, object> { ["id"] = "2", ["a.b"] = 1 } });
        var removed = await Admin.PostGraphQLAsync("""
            mutation($id: ID!) { deleteRecords(input: { modelId: $id, ids: ["3", "404"] }) { deletedIds notFoundIds errors { message } } }
            """, new { id });
        var model = (await Admin.PostGraphQLAsync("""query($id: ID!) { model(id: $id) { fields { path type recordCount observed { kind count } } } }""", new { id })).Data!;

        var payload = synced.Data!["syncRecords"]!;
        Assert.Equal("""[{"index":0,"id":"1","status":"CREATED"},{"index":2,"id":"3","status":"CREATED"}]""", payload["records"]!.ToJsonString());
        Assert.Equal(2, payload["created"]!.GetValue<int>());
        Assert.Equal((1, "a.b", "dot"), (payload["errors"]![0]!["index"]!.GetValue<int>(), payload["errors"]![0]!["field"]!.GetValue<string>(),
            payload["errors"]![0]!["rule"]!.GetValue<string>()));
        Assert.Equal("""{"deletedIds":["3"],"notFoundIds":["404"],"errors":null}""", removed.Data!["deleteRecords"]!.ToJsonString());
        // 7.5 widened amount to FLOAT, and it stays FLOAT after that record is deleted.
        Assert.Equal("""[{"path":"amount","type":"FLOAT","recordCount":1,"observed":[{"kind":"INT","count":1}]},{"path":"id","type":"STRING","recordCount":1,"observed":[{"kind":"STRING","count":1}]},{"path":"status","type":"STRING","recordCount":1,"observed":[{"kind":"STRING","count":1}]}]""",
            model["model"]!["fields"]!.ToJsonString());
    }

    [Fact]
    public async Task Records_page_with_cursors_in_the_HotChocolate_connection_shape()
    {
        var id = await CreateModelAsync("Orders");
        await Admin.PostGraphQLAsync("""mutation($id: ID!, $r: [JSON!]!) { syncRecords(input: { modelId: $id, records: $r }) { created } }""",
            new { id, r = Enumerable.Range(1, 5).Select(i => new { id = $"o{i}", amount = i * 20 }) });
        const string query = """
            query($id: ID!, $after: String) {
              records(modelId: $id, where: { field: "amount", gt: 30 }, order: [{ field: "amount", direction: DESC }], first: 2, after: $after) {
                totalCount nodes { id } edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }
            """;

        var first = (await Admin.PostGraphQLAsync(query, new { id })).Data!["records"]!;
        var second = (await Admin.PostGraphQLAsync(query, new { id, after = first["pageInfo"]!["endCursor"]!.GetValue<string>() })).Data!["records"]!;

        Assert.Equal(4, first["totalCount"]!.GetValue<int>());
        Assert.Equal("""[{"id":"o5"},{"id":"o4"}]""", first["nodes"]!.ToJsonString());
        Assert.Equal("""[{"id":"o3"},{"id":"o2"}]""", second["nodes"]!.ToJsonString());
        Assert.Equal((true, false), (first["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), first["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>()));
        Assert.Equal((false, true), (second["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), second["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>()));
        Assert.Equal(first["edges"]![1]!["cursor"]!.GetValue<string>(), first["pageInfo"]!["endCursor"]!.GetValue<string>());
    }

    public static TheoryData<string, string, string> BadArguments => new()
    {
        { """where: { field: "amount" }""", "where.field", "operator" },
        { """where: { eq: 1 }""", "where.field", "required" },
        { """where: { field: "$where", eq: 1 }""", "where.field", "fieldPath" },
        { """where: { field: "amount", gt: true }""", "where.gt", "comparable" },
        { """where: { field: "amount", eq: { ne: 1 } }""", "where.eq", "scalar" },
        { """where: { field: "amount", in: [{ a: 1 }] }""", "where.in", "scalar" },
        { """order: [{ field: "a" }, { field: "a" }]""", "order[1].field", "duplicate" },
        { """first: 2, last: 2""", "first", "paging" },
        { """first: 100000""", "first", "max" },
        { """after: "not-a-cursor" """, "after", "cursor" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Invalid_record_arguments_are_errors_naming_the_argument_and_rule(string arguments, string field, string rule)
    {
        var id = await CreateModelAsync("Orders");

        var response = await Admin.PostGraphQLAsync($$"""query($id: ID!) { records(modelId: $id, {{arguments}}) { totalCount } }""", new { id });

        var error = response.Errors![0]!;
        Assert.Null(response.Data!["records"]);
        Assert.Equal("INVALID_ARGUMENT", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal((field, rule), (error["extensions"]!["field"]!.GetValue<string>(), error["extensions"]!["rule"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Records_need_a_valid_key_and_an_existing_model()
    {
        var id = await CreateModelAsync("Orders");
        var reader = _factory.CreateClient("gth_not_a_key_of_this_team_000000");

        var anonymous = await reader.PostGraphQLAsync("""query($id: ID!) { records(modelId: $id) { totalCount } }""", new { id });
        var missing = await Admin.PostGraphQLAsync("""{ records(modelId: "model_000000000000000000000000") { totalCount } }""");

        Assert.Contains("UNAUTHENTICATED", anonymous.ErrorCodes);
        Assert.Equal("NOT_FOUND", missing.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Listing_models_with_their_fields_reads_every_catalogue_in_one_round_trip()
    {
        var first = await CreateModelAsync("Orders");
        (await Admin.PostAsJsonAsync($"/models/{first}/records", new { id = "1", amount = 5 })).EnsureSuccessStatusCode();
        var fewer = await Admin.PostGraphQLAsync("{ models { name fields { path } } }");
        foreach (var name in new[] { "Projects", "Invoices", "Tickets" })
            await CreateModelAsync(name);
        var more = await Admin.PostGraphQLAsync("{ models { name fields { path } } }");

        Assert.Equal(3, fewer.Data!["models"]!.AsArray().Count);
        Assert.Equal(6, more.Data!["models"]!.AsArray().Count);
        Assert.Equal("""[{"path":"amount"},{"path":"id"}]""", more.Data["models"]!.AsArray()
            .Single(m => m!["name"]!.GetValue<string>() == "Orders")!["fields"]!.ToJsonString());
        Assert.Equal(fewer.StoreRoundTrips, more.StoreRoundTrips);
    }

    [Fact]
    public async Task Mutations_in_one_request_each_see_the_model_as_the_previous_one_left_it()
    {
        var id = await CreateModelAsync("Orders");

        var result = await Admin.PostGraphQLAsync("""
            mutation($id: ID!) {
              first: declareModelFields(input: { id: $id, fields: [{ path: "amount", type: INT }] }) { model { fields { path type } } }
              second: declareModelFields(input: { id: $id, fields: [{ path: "amount", type: FLOAT }] }) { model { fields { path type } } }
            }
            """, new { id });

        Assert.Equal("""[{"path":"amount","type":"INT"}]""", result.Data!["first"]!["model"]!["fields"]!.ToJsonString());
        Assert.Equal("""[{"path":"amount","type":"FLOAT"}]""", result.Data["second"]!["model"]!["fields"]!.ToJsonString());
    }
}
