using System.Net;
using Gather.Tests.Support;
using Snapshooter.Xunit;
using static Gather.Tests.Typed.TypedSchemaSteps;

namespace Gather.Tests.Typed;

/// <summary>
/// The typed schema's rules, each through the real HTTP pipeline and SQLite store, with the SDL a
/// code generator would read (<c>GET /graphql?sdl</c>) snapshotted per rule: a field's type stays
/// as its first values settled it (INT widens to FLOAT), a value of another kind is refused at
/// sync, a stored value that does not fit is an error at its path, and relationships are named by
/// one rule.
/// </summary>
public sealed class TypedSchemaRulesTests : IDisposable
{
    private readonly GatherApiFactory _app = new();

    public void Dispose() => _app.Dispose();

    private HttpClient Admin => _app.CreateClient(GatherApiFactory.AdminKey);

    [Fact]
    public async Task Int_widens_to_float_at_once_so_a_decimal_never_reads_as_null()
    {
        var orders = await CreateModelAsync(Admin, "Orders");

        await SyncFormAsync(Admin, orders, "id=1&amount=75");
        var before = await Admin.PostGraphQLAsync("{ orders(order: [{ id: ASC }]) { nodes { id amount } } }");
        var (status, _) = await SyncFormAsync(Admin, orders, "id=2&amount=12.5");
        var after = await Admin.PostGraphQLAsync("{ orders(order: [{ id: ASC }]) { nodes { id amount } } ordersById(id: \"2\") { amount } }");
        var filtered = await Admin.PostGraphQLAsync("{ orders(where: { amount: { gt: 12.25 } }) { totalCount } }");

        Assert.Equal("""{"orders":{"nodes":[{"id":"1","amount":75}]}}""", before.Data!.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(after.Errors is null, after.Errors?.ToJsonString());
        Assert.Equal("""{"orders":{"nodes":[{"id":"1","amount":75}, {"id":"2","amount":12.5}]},"ordersById":{"amount":12.5}}""".Replace(" ", ""),
            after.Data!.ToJsonString());
        Assert.Equal(2, filtered.Data!["orders"]!["totalCount"]!.GetValue<int>());
        Snapshot.Match(Definitions(await SdlAsync(Admin), "Orders", "OrdersFilterInput"));
    }

    [Fact]
    public async Task A_value_of_another_kind_is_refused_at_sync_naming_the_type_and_the_field_keeps_it()
    {
        var orders = await CreateModelAsync(Admin, "Orders");
        await SyncFormAsync(Admin, orders, "id=1&amount=75");
        var settled = await SdlAsync(Admin);

        var (formStatus, formBody) = await SyncFormAsync(Admin, orders, "id=2&amount=n/a");
        var (jsonStatus, jsonBody) = await SyncJsonAsync(Admin, orders, new object[] { new { id = "3", amount = "n/a" }, new { id = "4", amount = 9 } });
        var mutation = await Admin.PostGraphQLAsync("""
            mutation($m: ID!) { syncRecords(input: { modelId: $m, records: [{ id: "5", amount: true }] }) { created errors { message ... on RecordError { index field rule } } } }
            """, new { m = orders });
        var read = await Admin.PostGraphQLAsync("{ orders(order: [{ id: ASC }]) { nodes { id amount } } }");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, formStatus);
        var refused = formBody["errors"]![0]!;
        Assert.Equal(("amount", "type"), (refused["extensions"]!["field"]!.GetValue<string>(), refused["extensions"]!["rule"]!.GetValue<string>()));
        Assert.Equal("Field 'amount' is INT, set by the first values synced into it, and this value is a string. Send an integer, " +
                     "or declare the field JSON with declareModelFields to accept any value (or declare another type to change it).",
            refused["message"]!.GetValue<string>());
        // Per record, like any other problem: the record that fits is written.
        Assert.Equal(HttpStatusCode.OK, jsonStatus);
        Assert.Equal(("amount", "type", 0), (jsonBody["errors"]![0]!["extensions"]!["field"]!.GetValue<string>(),
            jsonBody["errors"]![0]!["extensions"]!["rule"]!.GetValue<string>(), jsonBody["errors"]![0]!["extensions"]!["index"]!.GetValue<int>()));
        var fromMutation = mutation.Data!["syncRecords"]!;
        Assert.Equal(0, fromMutation["created"]!.GetValue<int>());
        Assert.Equal((0, "amount", "type"), (fromMutation["errors"]![0]!["index"]!.GetValue<int>(), fromMutation["errors"]![0]!["field"]!.GetValue<string>(),
            fromMutation["errors"]![0]!["rule"]!.GetValue<string>()));
        Assert.StartsWith("Field 'amount' is INT, set by the first values synced into it, and this value is true or false. Send an integer",
            fromMutation["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("""{"orders":{"nodes":[{"id":"1","amount":75},{"id":"4","amount":9}]}}""", read.Data!.ToJsonString());
        Assert.Equal(settled, await SdlAsync(Admin));
        Snapshot.Match(Definitions(settled, "Orders", "OrdersFilterInput"));
    }

    [Fact]
    public async Task A_form_value_is_read_as_its_fields_settled_type()
    {
        var customers = await ModelIdAsync(Admin, "Customer");
        await SyncJsonAsync(Admin, customers, new object[] { new { email = "ann@acme.com", zip = "02139", seats = 3 } });

        var (status, body) = await SyncFormAsync(Admin, customers, "email=bob@acme.com&zip=12345&seats=4.5");
        var read = await Admin.PostGraphQLAsync("""{ customers(first: 5) { nodes { email zip seats } } }""");

        Assert.True(status == HttpStatusCode.OK && body["errors"]!.AsArray().Count == 0, body.ToJsonString());
        Assert.True(read.Errors is null, read.Errors?.ToJsonString());
        Assert.Equal("""[{"email":"ann@acme.com","zip":"02139","seats":3},{"email":"bob@acme.com","zip":"12345","seats":4.5}]""",
            read.Data!["customers"]!["nodes"]!.ToJsonString());
    }

    [Fact]
    public async Task A_field_declared_json_accepts_any_value_and_declaring_changes_a_type_on_purpose()
    {
        var orders = await CreateModelAsync(Admin, "Orders");
        await SyncFormAsync(Admin, orders, "id=1&amount=75&note=first");

        var declared = await Admin.PostGraphQLAsync("""
            mutation($m: ID!) { declareModelFields(input: { id: $m, fields: [{ path: "amount", type: JSON }, { path: "note", type: STRING }] }) { errors { message } } }
            """, new { m = orders });
        var (status, body) = await SyncJsonAsync(Admin, orders, new object[] { new { id = "2", amount = "n/a", note = 5 }, new { id = "3", amount = new { value = 1 } } });
        var read = await Admin.PostGraphQLAsync("{ orders(order: [{ id: ASC }]) { nodes { id amount note } } }");

        Assert.Null(declared.Data!["declareModelFields"]!["errors"]);
        Assert.True(status == HttpStatusCode.OK && body["errors"]!.AsArray().Count == 0, body.ToJsonString());
        Assert.Equal("""{"orders":{"nodes":[{"id":"1","amount":75,"note":"first"},{"id":"2","amount":"n/a","note":"5"},{"id":"3","amount":{"value":1},"note":null}]}}""",
            read.Data!.ToJsonString());
    }

    [Fact]
    public async Task A_stored_value_that_does_not_fit_its_fields_type_is_an_error_at_its_path_never_a_silent_null()
    {
        var orders = await CreateModelAsync(Admin, "Orders");
        await SyncFormAsync(Admin, orders, "id=1&amount=75&paid=true");
        await SyncFormAsync(Admin, orders, "id=2&paid=false");
        // Declared on purpose after the fact: the stored 75 is not a BOOLEAN, and is not rewritten.
        await Admin.PostGraphQLAsync("""
            mutation($m: ID!) { declareModelFields(input: { id: $m, fields: [{ path: "amount", type: BOOLEAN }] }) { errors { message } } }
            """, new { m = orders });

        var list = await Admin.PostGraphQLAsync("{ orders(order: [{ id: ASC }]) { nodes { id amount paid } } }");
        var single = await Admin.PostGraphQLAsync("{ ordersById(id: \"1\") { amount } }");
        var edges = await Admin.PostGraphQLAsync("{ orders(order: [{ id: ASC }]) { edges { node { amount } } } }");

        Assert.Equal("""{"orders":{"nodes":[{"id":"1","amount":null,"paid":true},{"id":"2","amount":null,"paid":false}]}}""", list.Data!.ToJsonString());
        Assert.Equal("""STORED_VALUE_MISMATCH ["orders","nodes",0,"amount"] amount BOOLEAN""", ErrorsOf(list));
        Assert.Equal("""STORED_VALUE_MISMATCH ["ordersById","amount"] amount BOOLEAN""", ErrorsOf(single));
        Assert.Equal("""STORED_VALUE_MISMATCH ["orders","edges",0,"node","amount"] amount BOOLEAN""", ErrorsOf(edges));
        Assert.StartsWith("The stored value of field 'amount' is a number, not a BOOLEAN", single.Errors![0]!["message"]!.GetValue<string>());
        Assert.Contains("declareModelFields", single.Errors![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_relationship_named_like_its_field_takes_the_name_and_the_raw_value_stays_as_name_id()
    {
        var orders = await CreateModelAsync(Admin, "Orders");
        await SyncJsonAsync(Admin, await ModelIdAsync(Admin, "Account"), new object[] { new { name = "Acme" }, new { name = "Globex" } });
        await SyncJsonAsync(Admin, orders, new object[] { new { id = "o1", account = "Acme", amount = 10 }, new { id = "o2", account = "Globex", amount = 20 } });

        // The README's own pattern.
        var created = await Admin.PostGraphQLAsync("""
            mutation($o: ID!, $a: ID!) { createRelationship(input: { fromModelId: $o, fromField: "account", toModelId: $a, toField: "name", name: "account", inverseName: "orders" }) { errors { message } } }
            """, new { o = orders, a = await ModelIdAsync(Admin, "Account") });
        var read = await Admin.PostGraphQLAsync("""
            { orders(where: { accountId: { eq: "Acme" } }, order: [{ accountId: ASC }]) { nodes { id accountId account { name } } } }
            """);
        var sdl = await SdlAsync(Admin);

        Assert.Null(created.Data!["createRelationship"]!["errors"]);
        Assert.True(read.Errors is null, read.Errors?.ToJsonString());
        Assert.Equal("""{"orders":{"nodes":[{"id":"o1","accountId":"Acme","account":{"name":"Acme"}}]}}""", read.Data!.ToJsonString());
        Assert.DoesNotContain("account_2", sdl);
        Snapshot.Match(Definitions(sdl, "Orders", "OrdersFilterInput", "OrdersSortInput"));
    }

    [Fact]
    public async Task A_field_synced_later_never_takes_the_name_a_client_already_uses()
    {
        var orders = await CreateModelAsync(Admin, "Orders");
        await SyncJsonAsync(Admin, orders, System.Text.Json.Nodes.JsonNode.Parse("""[{ "id": "1", "Status": "paid" }]""")!);
        var before = await Admin.PostGraphQLAsync("{ orders { nodes { status } } }");

        // Under the old order a plain `status` would have claimed first and renamed the field above.
        await SyncJsonAsync(Admin, orders, System.Text.Json.Nodes.JsonNode.Parse("""[{ "id": "2", "status": "open" }]""")!);
        var after = await Admin.PostGraphQLAsync("{ orders(order: [{ id: ASC }]) { nodes { status status_2 } } }");

        Assert.Equal("""{"orders":{"nodes":[{"status":"paid"}]}}""", before.Data!.ToJsonString());
        Assert.True(after.Errors is null, after.Errors?.ToJsonString());
        Assert.Equal("""[{"status":"paid","status_2":null},{"status":null,"status_2":"open"}]""", after.Data!["orders"]!["nodes"]!.ToJsonString());
    }

    [Fact]
    public async Task Account_has_a_typed_paged_field_for_the_inverse_of_orders_to_account_batched_across_accounts()
    {
        var orders = await CreateModelAsync(Admin, "Orders");
        var accounts = await ModelIdAsync(Admin, "Account");
        await SyncJsonAsync(Admin, accounts, Enumerable.Range(1, 4).Select(i => new { name = $"A{i}" }).ToArray());
        await SyncJsonAsync(Admin, orders, Enumerable.Range(1, 12).Select(i => new { id = $"o{i:D2}", account = $"A{1 + i % 4}", amount = i }).ToArray());
        await Admin.PostGraphQLAsync("""
            mutation($o: ID!, $a: ID!) { createRelationship(input: { fromModelId: $o, fromField: "account", toModelId: $a, toField: "name", name: "account", inverseName: "orders" }) { errors { message } } }
            """, new { o = orders, a = accounts });

        const string Query = """
            query($n: Int!) { accounts(first: $n) { nodes { name orders(first: 2, order: [{ amount: DESC }], where: { amount: { gt: 1 } }) { totalCount nodes { id amount } pageInfo { hasNextPage } } } } }
            """;
        await Admin.PostGraphQLAsync(Query, new { n = 1 }); // the schema is checked once after the relationship was created
        var two = await Admin.PostGraphQLAsync(Query, new { n = 2 });
        var four = await Admin.PostGraphQLAsync(Query, new { n = 4 });
        var tooMany = await Admin.PostGraphQLAsync("{ accounts(first: 1) { nodes { orders(first: 100000) { totalCount } } } }");

        Assert.True(four.Errors is null, four.Errors?.ToJsonString());
        Assert.Equal("""{"name":"A1","orders":{"totalCount":3,"nodes":[{"id":"o12","amount":12},{"id":"o08","amount":8}],"pageInfo":{"hasNextPage":true}}}""",
            four.Data!["accounts"]!["nodes"]![0]!.ToJsonString());
        Assert.Equal(4, four.Data!["accounts"]!["nodes"]!.AsArray().Count);
        // One round trip per level, whatever the number of accounts.
        Assert.Equal(two.StoreRoundTrips, four.StoreRoundTrips);
        Assert.NotNull(tooMany.Errors);
        Snapshot.Match(Definitions(await SdlAsync(Admin), "Account"));
    }
}
