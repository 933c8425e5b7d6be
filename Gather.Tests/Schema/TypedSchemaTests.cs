using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Gather.Schema.Typed;
using Gather.Tests.Support;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace Gather.Tests.Schema;

/// <summary>
/// Each team's typed schema: a type per model with typed fields, relationship fields and typed
/// filter and sort inputs, built from the team's own models and rebuilt when they change.
/// </summary>
public sealed partial class TypedSchemaTests : IDisposable
{
    private readonly GatherApiFactory _app = new();

    public void Dispose() => _app.Dispose();

    private HttpClient Admin => _app.CreateClient(GatherApiFactory.AdminKey);

    /// <summary>Orders (amount, status, placed_at, customer, details) and Projects, related both ways.</summary>
    private async Task<(string Orders, string Projects)> SeedAsync(HttpClient admin)
    {
        async Task<string> ModelAsync(string name) =>
            (await admin.PostGraphQLAsync("""mutation($n: String!) { createModel(input: { name: $n, idField: "id" }) { model { id } } }""", new { n = name }))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        var orders = await ModelAsync("Orders");
        var projects = await ModelAsync("Projects");
        await admin.PostGraphQLAsync("""mutation($m: ID!) { declareModelFields(input: { id: $m, fields: [{ path: "placed_at", type: DATE_TIME }, { path: "details", type: JSON }] }) { errors { message } } }""", new { m = orders });
        (await admin.PostAsJsonAsync($"/models/{orders}/records", new object[]
        {
            new { id = "o1", amount = 75, status = "paid", placed_at = "2026-11-01T10:00:00Z", project = "p1", details = new { channel = "web" }, buyer = "ann@acme.com" },
            new { id = "o2", amount = 20.5, status = "open", placed_at = "2026-11-02T10:00:00Z", project = "p1", details = new { channel = "phone" } },
            new { id = "o3", amount = 120, status = "paid", placed_at = "2026-11-03T10:00:00Z", project = "p2" },
            new { id = "o4", amount = 60, status = "paid", project = "p2", details = "gift" },
        })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/models/{projects}/records", new object[]
        {
            new { id = "p1", title = "Website relaunch", budget = 5000 }, new { id = "p2", title = "Phone line", budget = 800 },
        })).EnsureSuccessStatusCode();
        var related = await admin.PostGraphQLAsync("""
            mutation($o: ID!, $p: ID!) { createRelationship(input: { fromModelId: $o, fromField: "project", toModelId: $p, toField: "id", name: "projectRecord", inverseName: "orders" }) { errors { message } } }
            """, new { o = orders, p = projects });
        Assert.Null(related.Data!["createRelationship"]!["errors"]);
        (await admin.PostAsJsonAsync("/models/" + await CustomerModelAsync(admin) + "/records", new object[] { new { email = "ann@acme.com", account = "Acme" } }))
            .EnsureSuccessStatusCode();
        var toCustomer = await admin.PostGraphQLAsync("""
            mutation($o: ID!, $c: ID!) { createRelationship(input: { fromModelId: $o, fromField: "buyer", toModelId: $c, toField: "email", name: "buyerCustomer", inverseName: "purchases" }) { errors { message } } }
            """, new { o = orders, c = await CustomerModelAsync(admin) });
        Assert.Null(toCustomer.Data!["createRelationship"]!["errors"]);
        return (orders, projects);
    }

    [Fact]
    public async Task A_teams_typed_types_and_root_fields_match_the_snapshot()
    {
        await SeedAsync(Admin);
        var team = await TeamIdAsync();

        var schema = await _app.Services.GetRequiredService<TeamSchemaCache>().GetAsync(team, CancellationToken.None);
        var sdl = schema.Print();

        // The team's own part: its types and inputs, and the root fields that read them.
        var typed = Definitions(sdl).Where(d => TypedName().IsMatch(d.Split('\n').First(l => !l.StartsWith('"'))));
        var rootFields = schema.Query.Fields.Where(f => RootField().IsMatch(f.Name))
            .Select(f => $"{f.Name}({string.Join(", ", f.Arguments?.Select(a => $"{a.Name}: {a.ResolvedType}") ?? [])}): {f.ResolvedType}");
        Snapshot.Match(string.Join("\n\n", typed) + "\n\n# Query fields\n" + string.Join("\n", rootFields));
    }

    [Fact]
    public async Task The_same_question_asked_typed_and_generic_gets_the_same_records()
    {
        var (orders, _) = await SeedAsync(Admin);

        var typed = await Admin.PostGraphQLAsync("""
            { orders(where: { amount: { gt: 50 }, or: [{ status: { eq: "paid" } }, { status: { eq: "refunded" } }] }, order: [{ amount: DESC }], first: 10) {
                totalCount nodes { id amount status placed_at details projectRecord { id title } } } }
            """);
        var generic = await Admin.PostGraphQLAsync("""
            query($m: ID!) { records(modelId: $m, where: { and: [{ field: "amount", gt: 50 }, { or: [{ field: "status", eq: "paid" }, { field: "status", eq: "refunded" }] }] }, order: [{ field: "amount", direction: DESC }], first: 10) {
                totalCount nodes { id fields relatedOne(name: "projectRecord") { id fields } } } }
            """, new { m = orders });
        var byId = await Admin.PostGraphQLAsync("""{ ordersById(id: "o2") { id amount placed_at } projectsById(id: "p1") { title orders(order: [{ id: ASC }]) { nodes { id } } } }""");
        var toStandard = await Admin.PostGraphQLAsync("""{ ordersById(id: "o1") { buyerCustomer { email accountName account { name } } } }""");

        Assert.True(typed.Errors is null, typed.Errors?.ToJsonString());
        var typedNodes = typed.Data!["orders"]!["nodes"]!.AsArray();
        var genericNodes = generic.Data!["records"]!["nodes"]!.AsArray();
        Assert.Equal(generic.Data["records"]!["totalCount"]!.GetValue<int>(), typed.Data["orders"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(genericNodes.Select(n => n!["id"]!.GetValue<string>()), typedNodes.Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal(["o3", "o1", "o4"], typedNodes.Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal(genericNodes.Select(n => n!["relatedOne"]!["fields"]!["title"]!.GetValue<string>()),
            typedNodes.Select(n => n!["projectRecord"]!["title"]!.GetValue<string>()));
        Assert.Equal("""{"channel":"web"}""", typedNodes[1]!["details"]!.ToJsonString());
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(typedNodes[1]!["placed_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(byId.Errors is null, byId.Errors?.ToJsonString());
        Assert.Equal(20.5, byId.Data!["ordersById"]!["amount"]!.GetValue<double>());
        Assert.True(toStandard.Errors is null, toStandard.Errors?.ToJsonString());
        Assert.Equal("""{"email":"ann@acme.com","accountName":"Acme","account":null}""", toStandard.Data!["ordersById"]!["buyerCustomer"]!.ToJsonString());
        Assert.Equal("""["o1","o2"]""", byId.Data["projectsById"]!["orders"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToArray() is var ids
            ? System.Text.Json.JsonSerializer.Serialize(ids) : "");
    }

    [Fact]
    public async Task Two_teams_see_their_own_types_only()
    {
        await SeedAsync(Admin);
        var (_, _, secret) = await _app.CreateOtherTeamAsync();
        var other = _app.CreateClient(secret);
        await other.PostGraphQLAsync("""mutation { createModel(input: { name: "Tickets", idField: "id" }) { model { id } } }""");

        const string Types = """{ orders: __type(name: "Orders") { name } tickets: __type(name: "Tickets") { name } }""";
        var mine = (await Admin.PostGraphQLAsync(Types)).Data!;
        var theirs = (await other.PostGraphQLAsync(Types)).Data!;
        var denied = await other.PostGraphQLAsync("{ orders { totalCount } }");

        Assert.Equal("Orders", mine["orders"]!["name"]!.GetValue<string>());
        Assert.Null(mine["tickets"]);
        Assert.Null(theirs["orders"]);
        Assert.Equal("Tickets", theirs["tickets"]!["name"]!.GetValue<string>());
        Assert.NotNull(denied.Errors); // No such field in their schema.
    }

    [Fact]
    public async Task A_field_added_by_a_sync_is_queryable_on_the_next_request()
    {
        var (orders, _) = await SeedAsync(Admin);
        var before = await Admin.PostGraphQLAsync("""{ ordersById(id: "o1") { coupon } }""");

        (await Admin.PostAsJsonAsync($"/models/{orders}/records", new object[] { new { id = "o1", coupon = "WELCOME10" } })).EnsureSuccessStatusCode();
        var after = await Admin.PostGraphQLAsync("""{ ordersById(id: "o1") { coupon } orders(where: { coupon: { startsWith: "welcome" } }) { nodes { id } } }""");

        Assert.NotNull(before.Errors);
        Assert.True(after.Errors is null, after.Errors?.ToJsonString());
        Assert.Equal("WELCOME10", after.Data!["ordersById"]!["coupon"]!.GetValue<string>());
        Assert.Equal("o1", after.Data["orders"]!["nodes"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_a_sync_that_brings_a_new_field_makes_the_next_request_check_the_schema()
    {
        var (orders, _) = await SeedAsync(Admin);
        const string Query = """{ ordersById(id: "o1") { id } }""";
        var settled = (await Admin.PostGraphQLAsync(Query)).StoreRoundTrips;
        var again = (await Admin.PostGraphQLAsync(Query)).StoreRoundTrips;

        (await Admin.PostAsJsonAsync($"/models/{orders}/records", new object[] { new { id = "o9", amount = 5, status = "open" } })).EnsureSuccessStatusCode();
        var afterKnownFields = (await Admin.PostGraphQLAsync(Query)).StoreRoundTrips;
        (await Admin.PostAsJsonAsync($"/models/{orders}/records", new object[] { new { id = "o9", channel = "shop" } })).EnsureSuccessStatusCode();
        var afterNewField = (await Admin.PostGraphQLAsync(Query)).StoreRoundTrips;
        var thenSettled = (await Admin.PostGraphQLAsync(Query)).StoreRoundTrips;

        Assert.Equal(again, afterKnownFields);
        // The check reads the team's models, field catalogues, relationships and tasks.
        Assert.Equal(again + 4, afterNewField);
        Assert.Equal(again, thenSettled);
        Assert.True(settled >= again);
    }

    [Fact]
    public async Task Account_and_customer_get_typed_fields_for_what_the_team_syncs_into_them()
    {
        var customers = await CustomerModelAsync(Admin);
        var accounts = (await Admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]!.AsArray()
            .Single(m => m!["name"]!.GetValue<string>() == "Account")!["id"]!.GetValue<string>();
        (await Admin.PostAsJsonAsync($"/models/{accounts}/records", new object[] { new { name = "Acme", industry = "retail", employees = 40 } }))
            .EnsureSuccessStatusCode();
        // `charges` is taken by Customer's Stripe charges, so the synced field is `charges_2`.
        (await Admin.PostAsJsonAsync($"/models/{customers}/records", new object[]
        {
            new { email = "ann@acme.com", account = "Acme", plan = "pro", seats = 12, churned = false, charges = "invoiced" },
        })).EnsureSuccessStatusCode();

        var typed = await Admin.PostGraphQLAsync("""
            { customer(email: "ann@acme.com") { email accountName plan seats churned charges_2 account { name industry employees } }
              __type(name: "Customer") { fields { name description } } }
            """);
        (await Admin.PostAsJsonAsync($"/models/{customers}/records", new object[] { new { email = "bob@acme.com", region = "EU" } }))
            .EnsureSuccessStatusCode();
        var afterNewField = await Admin.PostGraphQLAsync("""{ customer(email: "bob@acme.com") { email region plan } }""");
        var (_, _, secret) = await _app.CreateOtherTeamAsync();
        var other = await _app.CreateClient(secret).PostGraphQLAsync("""{ __type(name: "Customer") { fields { name } } }""");

        Assert.True(typed.Errors is null, typed.Errors?.ToJsonString());
        Assert.Equal("""{"email":"ann@acme.com","accountName":"Acme","plan":"pro","seats":12,"churned":false,"charges_2":"invoiced","account":{"name":"Acme","industry":"retail","employees":40}}""",
            typed.Data!["customer"]!.ToJsonString());
        var fields = typed.Data["__type"]!["fields"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["description"]?.GetValue<string>());
        Assert.Equal("The synced field \"charges\".", fields["charges_2"]);
        Assert.Contains("charges", fields.Keys);
        Assert.DoesNotContain("email_2", fields.Keys);
        Assert.True(afterNewField.Errors is null, afterNewField.Errors?.ToJsonString());
        Assert.Equal("""{"email":"bob@acme.com","region":"EU","plan":null}""", afterNewField.Data!["customer"]!.ToJsonString());
        Assert.DoesNotContain(other.Data!["__type"]!["fields"]!.AsArray(), f => f!["name"]!.GetValue<string>() is "plan" or "region");
    }

    [Fact]
    public async Task Past_the_cache_size_the_team_whose_schema_was_used_longest_ago_is_rebuilt_on_its_next_request()
    {
        using var app = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:GraphQL:TeamSchemaCacheSize"] = "2" });
        const string Query = "{ viewer { team { id } } }";
        var first = app.CreateClient(GatherApiFactory.AdminKey);
        var second = app.CreateClient((await app.CreateOtherTeamAsync("Second")).Secret);
        var third = app.CreateClient((await app.CreateOtherTeamAsync("Third")).Secret);
        async Task<int> RoundTripsAsync(HttpClient team) => (await team.PostGraphQLAsync(Query)).StoreRoundTrips!.Value;

        await RoundTripsAsync(first);
        await RoundTripsAsync(second);
        var cached = await RoundTripsAsync(first);
        await RoundTripsAsync(third); // three teams, room for two: the second team's schema, used longest ago, goes

        Assert.Equal(cached, await RoundTripsAsync(first));
        Assert.Equal(cached, await RoundTripsAsync(third));
        // Rebuilding reads the team's models and, as it has only Account and Customer, their field catalogue.
        Assert.Equal(cached + 2, await RoundTripsAsync(second));
        Assert.Equal(cached, await RoundTripsAsync(second));
    }

    [Fact]
    public async Task With_typed_schemas_off_every_team_runs_on_gathers_schema()
    {
        using var app = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:GraphQL:TypedSchema"] = "false" });
        var admin = app.CreateClient(GatherApiFactory.AdminKey);
        var (orders, _) = await SeedAsync(admin);

        var typed = await admin.PostGraphQLAsync("""{ __type(name: "Orders") { name } }""");
        var generic = await admin.PostGraphQLAsync("query($m: ID!) { records(modelId: $m) { totalCount } }", new { m = orders });

        Assert.Null(typed.Data!["__type"]);
        Assert.Equal(4, generic.Data!["records"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_root_field_of_a_teams_schema_declares_a_scope_and_the_typed_ones_read()
    {
        await SeedAsync(Admin);
        var schema = await _app.Services.GetRequiredService<TeamSchemaCache>().GetAsync(await TeamIdAsync(), CancellationToken.None);

        var rootFields = schema.Query.Fields.Concat(schema.Mutation!.Fields).ToList();

        Assert.All(rootFields, field => Assert.NotNull(Gather.Schema.Common.ScopeRequirement.RequiredScope(field)));
        Assert.Equal(Gather.Infrastructure.Security.ApiKeyScope.Read,
            Gather.Schema.Common.ScopeRequirement.RequiredScope(schema.Query.Fields.Find("orders")!));
    }

    [Fact]
    public async Task Awkward_field_names_get_valid_distinct_names_and_stay_queryable()
    {
        var model = (await Admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Odd things", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        (await Admin.PostAsJsonAsync($"/models/{model}/records", new[]
        {
            new Dictionary<string, object> { ["id"] = "1", ["and"] = "a", ["or"] = 1, ["createdAt"] = "yesterday", ["first-name"] = "Ann", ["2fa"] = true },
        })).EnsureSuccessStatusCode();

        var result = await Admin.PostGraphQLAsync("""
            { oddThings(where: { and_2: { eq: "a" }, firstName: { eq: "Ann" }, _2fa: { eq: true } }) { nodes { id and_2 or_2 createdAt_2 firstName _2fa } } }
            """);

        Assert.True(result.Errors is null, result.Errors?.ToJsonString());
        Assert.Equal("""[{"id":"1","and_2":"a","or_2":1,"createdAt_2":"yesterday","firstName":"Ann","_2fa":true}]""",
            result.Data!["oddThings"]!["nodes"]!.ToJsonString());
    }

    private static async Task<string> CustomerModelAsync(HttpClient admin) =>
        (await admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]!.AsArray()
            .Single(m => m!["name"]!.GetValue<string>() == "Customer")!["id"]!.GetValue<string>();

    private async Task<string> TeamIdAsync() =>
        (await Admin.PostGraphQLAsync("{ viewer { team { id } } }")).Data!["viewer"]!["team"]!["id"]!.GetValue<string>();

    private static IEnumerable<string> Definitions(string sdl) => sdl.Replace("\r\n", "\n").Split("\n\n");

    [GeneratedRegex(@"^(type|input) (Orders|Projects)(Connection|Edge|FilterInput|SortInput)?\b|^input \w+OperationFilterInput\b")]
    private static partial Regex TypedName();

    [GeneratedRegex(@"^(orders|projects)(ById)?$")]
    private static partial Regex RootField();
}
