using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gather.Tests.Storage;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// Every path a caller names is checked against the model: a typo in a filter, sort, column,
/// saved view, relationship or task option is an INVALID_ARGUMENT naming the argument, rule
/// <c>unknownField</c> and the closest known path, instead of a quiet empty answer; an operand of
/// the wrong kind for a typed field is rule <c>type</c>, naming the type.
/// </summary>
public sealed partial class UnknownPathTests(MongoServer mongo) : IClassFixture<MongoServer>, IDisposable
{
    private readonly GatherApiFactory _factory = new();

    /// <summary>The MongoDB server the both-stores case runs on, when one is reachable.</summary>
    private MongoServer Mongo { get; } = mongo;

    public void Dispose() => _factory.Dispose();

    private HttpClient Admin => _factory.CreateClient(GatherApiFactory.AdminKey);

    private const string PayloadErrors = "errors { message ... on ValidationError { field rule suggestion } }";

    /// <summary>Orders (id, amount INT, status, stripe_charge_id, customer, address.city) related to Customer as `customer`.</summary>
    private async Task<string> SeedOrdersAsync()
    {
        var orders = await CreateModelAsync("Orders");
        (await Admin.PostAsJsonAsync($"/models/{await ModelIdAsync("Customer")}/records", new[]
        {
            new { email = "ann@acme.com", account = "Acme" }, new { email = "bob@globex.com", account = "Globex" },
        })).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync($"/models/{orders}/records", new object[]
        {
            new { id = "o1", amount = 30, status = "paid", stripe_charge_id = "ch_1", customer = "ann@acme.com", address = new { city = "Oslo" } },
            new { id = "o2", amount = 75, status = "paid", stripe_charge_id = "ch_2", customer = "bob@globex.com" },
            new { id = "o3", amount = 120, status = "open", customer = "ann@acme.com" },
        })).EnsureSuccessStatusCode();
        var related = await Admin.PostGraphQLAsync($$"""
            mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { {{PayloadErrors}} } }
            """, new { input = new { fromModelId = orders, fromField = "customer", toModelId = await ModelIdAsync("Customer"), toField = "email", name = "customer", inverseName = "orders" } });
        Assert.Null(related.Data!["createRelationship"]!["errors"]);
        return orders;
    }

    private async Task<string> CreateModelAsync(string name) =>
        (await Admin.PostGraphQLAsync("mutation($n: String!) { createModel(input: { name: $n, idField: \"id\" }) { model { id } } }", new { n = name }))
        .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();

    private async Task<string> ModelIdAsync(string name) =>
        (await Admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]!.AsArray()
        .Single(m => m!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();

    private async Task<JsonNode> CreateViewAsync(object input) =>
        (await Admin.PostGraphQLAsync($$"""
            mutation($input: CreateViewInput!) { createView(input: $input) { view { id } {{PayloadErrors}} } }
            """, new { input })).Data!["createView"]!;

    /// <summary>The one error of a response as (code, field, rule, suggestion).</summary>
    private static string Error(GraphQLResponse response)
    {
        Assert.NotNull(response.Errors);
        var error = Assert.Single(response.Errors!)!;
        var extensions = error["extensions"]!;
        return $"{extensions["code"]}|{extensions["field"]}|{extensions["rule"]}|{extensions["suggestion"]}";
    }

    /// <summary>A payload's errors as field|rule|suggestion lines.</summary>
    private static string[] PayloadRules(JsonNode payload) => payload["errors"]!.AsArray()
        .Select(e => $"{e!["field"]}|{e["rule"]}|{e["suggestion"]}").ToArray();

    private async Task<string> ViewCountAsync() =>
        string.Join(",", (await Admin.PostGraphQLAsync("{ views { name } }")).Data!["views"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()));

    [Fact]
    public async Task A_misspelled_filter_path_on_records_and_on_a_view_is_an_unknownField_error_with_the_closest_path()
    {
        var orders = await SeedOrdersAsync();
        var view = (await CreateViewAsync(new { name = "Orders", modelId = orders }))["view"]!["id"]!.GetValue<string>();

        var onRecords = await Admin.PostGraphQLAsync("""
            query($m: ID!) { records(modelId: $m, where: { field: "stripeCharge.stauts", eq: "succeeded" }) { totalCount } }
            """, new { m = orders });
        var onView = await Admin.PostGraphQLAsync("""
            query($v: ID!) { view(id: $v) { records(where: { field: "stripeCharge.stauts", eq: "succeeded" }) { totalCount } } }
            """, new { v = view });
        var nested = await Admin.PostGraphQLAsync("""
            query($m: ID!) { records(modelId: $m, where: { or: [{ field: "status", eq: "paid" }, { not: { field: "amout", gt: 50 } }] }) { totalCount } }
            """, new { m = orders });

        Assert.Equal("INVALID_ARGUMENT|where.field|unknownField|stripeCharge.status", Error(onRecords));
        Assert.Null(onRecords.Data!["records"]);
        Assert.Equal("INVALID_ARGUMENT|where.field|unknownField|stripeCharge.status", Error(onView));
        Assert.Equal("INVALID_ARGUMENT|where.or[1].not.field|unknownField|amount", Error(nested));
        var message = onRecords.Errors![0]!["message"]!.GetValue<string>();
        Assert.Contains("Orders has no field 'stripeCharge.stauts'. Did you mean 'stripeCharge.status'?", message);
    }

    [Fact]
    public async Task A_misspelled_sort_path_is_refused_on_records_and_on_a_view_not_ignored()
    {
        var orders = await SeedOrdersAsync();
        var view = (await CreateViewAsync(new { name = "Orders", modelId = orders }))["view"]!["id"]!.GetValue<string>();

        var onRecords = await Admin.PostGraphQLAsync("""query($m: ID!) { records(modelId: $m, order: [{ field: "amout" }]) { totalCount } }""", new { m = orders });
        var onView = await Admin.PostGraphQLAsync("""query($v: ID!) { view(id: $v) { records(order: [{ field: "status" }, { field: "amout", direction: DESC }]) { totalCount } } }""", new { v = view });
        var sorted = await Admin.PostGraphQLAsync("""query($m: ID!) { records(modelId: $m, order: [{ field: "amount", direction: DESC }]) { nodes { id } } }""", new { m = orders });

        Assert.Equal("INVALID_ARGUMENT|order[0].field|unknownField|amount", Error(onRecords));
        Assert.Equal("INVALID_ARGUMENT|order[1].field|unknownField|amount", Error(onView));
        Assert.Equal("""[{"id":"o3"},{"id":"o2"},{"id":"o1"}]""", sorted.Data!["records"]!["nodes"]!.ToJsonString());
    }

    [Fact]
    public async Task Misspelled_columns_are_refused_when_a_view_is_saved_and_when_values_are_read()
    {
        var orders = await SeedOrdersAsync();

        var created = await CreateViewAsync(new { name = "Typos", modelId = orders, columns = new[] { "amout", "stripeCharge.stauts", "customer.acount", "zzz" } });
        var good = (await CreateViewAsync(new { name = "Good", modelId = orders, columns = new[] { "amount" } }))["view"]!["id"]!.GetValue<string>();
        var updated = (await Admin.PostGraphQLAsync($$"""
            mutation($v: ID!) { updateView(input: { id: $v, columns: ["amount", "stauts"] }) { view { columns } {{PayloadErrors}} } }
            """, new { v = good })).Data!["updateView"]!;
        var values = await Admin.PostGraphQLAsync("""
            query($m: ID!) { records(modelId: $m, first: 1) { nodes { values(columns: ["amount", "amout"]) } } }
            """, new { m = orders });
        var known = await Admin.PostGraphQLAsync("""
            query($m: ID!) { record(modelId: $m, id: "o1") { values(columns: ["id", "address.city", "stripeCharge.status", "stripeCharge.metadata.plan", "customer", "customer.account"]) } }
            """, new { m = orders });

        Assert.Null(created["view"]);
        Assert.Equal(["columns[0]|unknownField|amount", "columns[1]|unknownField|stripeCharge.status", "columns[2]|unknownField|customer.account", "columns[3]|unknownField|"],
            PayloadRules(created));
        Assert.Contains("Column 'customer.acount': Customer has no field 'acount'.", created["errors"]![2]!["message"]!.GetValue<string>());
        Assert.Equal(["columns[1]|unknownField|status"], PayloadRules(updated));
        Assert.Equal("Good", await ViewCountAsync());
        Assert.Equal("INVALID_ARGUMENT|columns[1]|unknownField|amount", Error(values));
        Assert.True(known.Errors is null, known.Errors?.ToJsonString());
        Assert.Equal("""["o1","Oslo",null,null,"ann@acme.com","Acme"]""", known.Data!["record"]!["values"]!.ToJsonString());
    }

    [Fact]
    public async Task A_column_through_a_relationship_to_many_is_refused_when_saved()
    {
        await SeedOrdersAsync();

        var created = await CreateViewAsync(new { name = "Customers", modelId = await ModelIdAsync("Customer"), columns = new[] { "email", "orders.amount" } });

        Assert.Equal(["columns[1]|toMany|"], PayloadRules(created));
    }

    [Fact]
    public async Task A_saved_filter_comparing_an_attached_number_with_a_string_is_a_type_error()
    {
        var orders = await SeedOrdersAsync();

        var created = await CreateViewAsync(new { name = "Big charges", modelId = orders, where = new { field = "stripeCharge.amount", eq = "1000" } });
        var fine = (await CreateViewAsync(new { name = "Paid", modelId = orders, where = new { field = "stripeCharge.amount", gte = 1000 } }))["view"]!["id"]!.GetValue<string>();
        var updated = (await Admin.PostGraphQLAsync($$"""
            mutation($v: ID!) { updateView(input: { id: $v, where: { field: "stripeCharge.paid", eq: "true" } }) { view { id } {{PayloadErrors}} } }
            """, new { v = fine })).Data!["updateView"]!;

        Assert.Equal(["where.eq|type|"], PayloadRules(created));
        Assert.Contains("'stripeCharge.amount' is INT in Orders: `eq` takes an integer", created["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(["where.eq|type|"], PayloadRules(updated));
        Assert.Contains("BOOLEAN", updated["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("Paid", await ViewCountAsync());
    }

    [Fact]
    public async Task An_operand_of_the_wrong_kind_for_a_typed_field_names_the_type()
    {
        var orders = await SeedOrdersAsync();

        async Task<GraphQLResponse> FilterAsync(object where) => await Admin.PostGraphQLAsync(
            "query($m: ID!, $w: RecordFilterInput) { records(modelId: $m, where: $w) { totalCount } }", new { m = orders, w = where });

        var textForInt = await FilterAsync(new { field = "amount", gt = "10" });
        var numberForText = await FilterAsync(new { field = "status", @in = new object[] { "paid", 5 } });
        var containsOnInt = await FilterAsync(new { field = "amount", contains = "3" });
        var numbers = await FilterAsync(new { field = "amount", gt = 10 });
        var nulls = await FilterAsync(new { and = new object[] { new { field = "amount", neq = (int?)null }, new { field = "status", eq = (string?)null } } });
        var text = await FilterAsync(new { field = "status", startsWith = "PA" });

        Assert.Equal("INVALID_ARGUMENT|where.gt|type|", Error(textForInt));
        Assert.Contains("'amount' is INT in Orders: `gt` takes an integer (e.g. 10), not the string \"10\".", textForInt.Errors![0]!["message"]!.GetValue<string>());
        Assert.Equal("INVALID_ARGUMENT|where.in|type|", Error(numberForText));
        Assert.Contains("STRING", numberForText.Errors![0]!["message"]!.GetValue<string>());
        Assert.Equal("INVALID_ARGUMENT|where.contains|type|", Error(containsOnInt));
        Assert.Equal(3, numbers.Data!["records"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(0, nulls.Data!["records"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(2, text.Data!["records"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_misspelled_path_in_a_related_list_is_checked_against_the_related_model()
    {
        var orders = await SeedOrdersAsync();

        var result = await Admin.PostGraphQLAsync("""
            query($m: ID!) { records(modelId: $m, first: 2) { nodes { related(name: "customer", where: { field: "acount", eq: "Acme" }) { totalCount } } } }
            """, new { m = orders });

        Assert.NotNull(result.Errors);
        Assert.All(result.Errors!, e => Assert.Equal("where.field|unknownField|account",
            $"{e!["extensions"]!["field"]}|{e["extensions"]!["rule"]}|{e["extensions"]!["suggestion"]}"));
    }

    [Fact]
    public async Task Checking_paths_reads_the_catalogue_once_however_many_paths_a_filter_names()
    {
        var orders = await SeedOrdersAsync();
        await Admin.PostGraphQLAsync("{ __typename }"); // the team's typed schema is checked on the first request
        const string Query = "query($m: ID!, $w: RecordFilterInput) { records(modelId: $m, where: $w) { totalCount } }";

        var unfiltered = await Admin.PostGraphQLAsync(Query, new { m = orders });
        var one = await Admin.PostGraphQLAsync(Query, new { m = orders, w = new { field = "status", eq = "paid" } });
        var many = await Admin.PostGraphQLAsync(Query, new
        {
            m = orders,
            w = new { and = Enumerable.Range(0, 20).Select(i => new { field = i % 2 == 0 ? "status" : "address.city", neq = $"x{i}" }).ToArray() },
        });

        Assert.True(many.Errors is null, many.Errors?.ToJsonString());
        Assert.Equal(one.StoreRoundTrips, many.StoreRoundTrips);
        // The page's one model is read with its catalogue, in the same round trip, so a filter adds none.
        Assert.Equal(unfiltered.StoreRoundTrips, one.StoreRoundTrips);
    }
}
