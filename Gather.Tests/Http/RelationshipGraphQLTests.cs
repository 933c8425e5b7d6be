using System.Net.Http.Json;
using Gather.Tests.Storage;
using Gather.Tests.Support;
using Snapshooter.Xunit;

namespace Gather.Tests.Http;

/// <summary>
/// Relationships and navigation over GraphQL, through the real HTTP pipeline: accounts →
/// customers → projects, batched per level, on SQLite and (when reachable) MongoDB.
/// </summary>
public sealed class RelationshipGraphQLTests(MongoServer mongo) : IClassFixture<MongoServer>
{
    private const string NestedQuery = """
        query($n: Int) {
          accounts(first: $n, order: [{ field: "name" }]) {
            totalCount
            nodes {
              name
              customers(first: $n, order: [{ field: "email" }]) {
                totalCount
                nodes {
                  email
                  account { name }
                  related(name: "projects", first: $n, order: [{ field: "id" }]) { totalCount nodes { id fields } }
                }
              }
              related(name: "projects", order: [{ field: "id" }]) { nodes { id relatedOne(name: "owner") { id } } }
            }
          }
        }
        """;

    private GatherApiFactory Factory(string store) => store == "MongoDb"
        ? new GatherApiFactory(new Dictionary<string, string?>
        {
            ["Gather:Storage:Provider"] = "MongoDb",
            ["Gather:Storage:MongoDb:ConnectionString"] = mongo.ConnectionString,
            ["Gather:Storage:MongoDb:Database"] = "gather_relationships_" + Guid.NewGuid().ToString("N")[..12],
        })
        : new GatherApiFactory();

    /// <summary>Accounts and customers through the standard models, Projects with `owner` (a customer) and `account`.</summary>
    private static async Task<string> SeedAsync(HttpClient admin, object accounts, object customers, object projects)
    {
        var models = (await admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]!.AsArray();
        string IdOf(string name) => models.Single(m => m!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();
        var projectsId = (await admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Projects", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        foreach (var (model, records) in new[] { (IdOf("Account"), accounts), (IdOf("Customer"), customers), (projectsId, projects) })
            (await admin.PostAsJsonAsync($"/models/{model}/records", records)).EnsureSuccessStatusCode();

        foreach (var (fromField, to, toField, name, inverse) in new[]
                 { ("owner", IdOf("Customer"), "email", "owner", "projects"), ("account", IdOf("Account"), "name", "account", "projects") })
        {
            var created = await admin.PostGraphQLAsync("""
                mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { relationship { id } errors { message } } }
                """, new { input = new { fromModelId = projectsId, fromField, toModelId = to, toField, name, inverseName = inverse } });
            Assert.Null(created.Data!["createRelationship"]!["errors"]);
        }
        return projectsId;
    }

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("MongoDb")]
    public async Task A_nested_query_from_accounts_to_customers_to_projects_matches_the_snapshot(string store)
    {
        Skip.If(store == "MongoDb" && mongo.ConnectionString is null, mongo.SkipReason);
        using var factory = Factory(store);
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        await SeedAsync(admin,
            new[] { new { name = "Acme" }, new { name = "Globex" }, new { name = "Initech" } },
            new object[]
            {
                new { email = "ann@acme.com", account = "Acme" }, new { email = "bob@acme.com", account = "Acme" },
                new { email = "cy@globex.com", account = "Globex" }, new { email = "dee@nowhere.com", account = "Nowhere" },
            },
            new object[]
            {
                new { id = "p1", owner = "ann@acme.com", account = "Acme", stage = "live" },
                new { id = "p2", owner = "ann@acme.com", account = "Acme", stage = "pilot" },
                new { id = "p3", owner = "cy@globex.com", account = "Globex" },
                new { id = "p4", owner = "ghost@acme.com", account = "Acme" },
            });

        var result = await admin.PostGraphQLAsync(NestedQuery, new { n = 10 });

        Assert.Null(result.Errors);
        // One snapshot for both stores: their answers must be identical.
        Snapshot.Match(result.Data!.ToJsonString());
    }

    [Fact]
    public async Task A_nested_query_costs_the_same_store_round_trips_for_page_sizes_1_10_and_100()
    {
        // 100 per level at three levels is estimated at millions of results: above the default complexity limit.
        using var factory = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:GraphQL:MaxComplexity"] = "10000000" });
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var accounts = Enumerable.Range(0, 100).Select(i => new { name = $"Account {i:D3}" }).ToArray();
        var customers = Enumerable.Range(0, 200).Select(i => new { email = $"c{i:D3}@example.com", account = $"Account {i / 2:D3}" }).ToArray();
        var projects = Enumerable.Range(0, 400).Select(i => new { id = $"p{i:D3}", owner = $"c{i / 2:D3}@example.com", account = $"Account {i / 4:D3}" }).ToArray();
        await SeedAsync(admin, accounts, customers, projects);
        // The first request after the seeding checks the team's typed schema (models, fields,
        // relationships, tasks: 4 round trips); the counts below are the query's own.
        await admin.PostGraphQLAsync("{ __typename }");

        var trips = new Dictionary<int, int>();
        foreach (var size in new[] { 1, 10, 100 })
        {
            var result = await admin.PostGraphQLAsync(NestedQuery, new { n = size });
            Assert.True(result.Errors is null, result.Errors?.ToJsonString());
            Assert.Equal(size, result.Data!["accounts"]!["nodes"]!.AsArray().Count);
            trips[size] = result.StoreRoundTrips!.Value;
        }

        Assert.Equal(trips[1], trips[10]);
        Assert.Equal(trips[1], trips[100]);
        // Authentication and the team's models, read once (2); the accounts page and its count (2); the team's
        // relationships, read once (1); the team's field catalogues, read once to check the sort paths of
        // every level (1); customers: page and count (2); each customer's account (1); each customer's
        // projects: page and count (2); each account's projects (1) and each project's owner (1).
        Assert.Equal(13, trips[1]);
    }

    [Fact]
    public async Task Bad_relationships_are_refused_with_the_field_and_rule_and_nothing_is_stored()
    {
        using var factory = new GatherApiFactory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var projectsId = await SeedAsync(admin, Array.Empty<object>(), Array.Empty<object>(), Array.Empty<object>());
        var before = (await admin.PostGraphQLAsync("{ relationships { id } }")).Data!["relationships"]!.ToJsonString();
        var account = (await admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]![0]!["id"]!.GetValue<string>();

        async Task<string> CreateAsync(object input) =>
            (await admin.PostGraphQLAsync("""
                mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { relationship { id } errors { ... on ValidationError { field rule } } } }
                """, new { input })).Data!["createRelationship"]!["errors"]!.ToJsonString();

        Assert.Equal("""[{"field":"toModelId","rule":"notFound"}]""",
            await CreateAsync(new { fromModelId = projectsId, fromField = "x", toModelId = "model_missing", toField = "id", name = "x", inverseName = "y" }));
        Assert.Equal("""[{"field":"name","rule":"format"},{"field":"inverseName","rule":"format"}]""",
            await CreateAsync(new { fromModelId = projectsId, fromField = "x", toModelId = account, toField = "name", name = "my rel", inverseName = "9lives" }));
        Assert.Equal("""[{"field":"fromField","rule":"fieldPath"},{"field":"toField","rule":"fieldPath"}]""",
            await CreateAsync(new { fromModelId = projectsId, fromField = "$where", toModelId = account, toField = "a..b", name = "x", inverseName = "y" }));
        Assert.Equal("""[{"field":"name","rule":"unique"},{"field":"inverseName","rule":"unique"}]""",
            await CreateAsync(new { fromModelId = projectsId, fromField = "lead", toModelId = account, toField = "name", name = "account", inverseName = "customers" }));
        Assert.Equal("""[{"field":"inverseName","rule":"distinct"}]""",
            await CreateAsync(new { fromModelId = projectsId, fromField = "parent", toModelId = projectsId, toField = "id", name = "parent", inverseName = "parent" }));
        Assert.Equal(before, (await admin.PostGraphQLAsync("{ relationships { id } }")).Data!["relationships"]!.ToJsonString());
    }

    [Fact]
    public async Task Navigation_errors_name_the_relationship_and_the_built_in_one_cannot_be_deleted()
    {
        using var factory = new GatherApiFactory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        await SeedAsync(admin, new[] { new { name = "Acme" } }, new[] { new { email = "ann@acme.com", account = "Acme" } }, Array.Empty<object>());
        var builtIn = (await admin.PostGraphQLAsync("{ relationships { id name inverseName kind fromModel { name } toModel { name } } }")).Data!["relationships"]![0]!;

        var unknown = await admin.PostGraphQLAsync("""{ accounts { nodes { related(name: "invoices") { totalCount } } } }""");
        var toMany = await admin.PostGraphQLAsync("""{ accounts { nodes { relatedOne(name: "customers") { id } } } }""");
        var delete = await admin.PostGraphQLAsync("""mutation($id: ID!) { deleteRelationship(input: { id: $id }) { errors { ... on ValidationError { rule } } } }""",
            new { id = builtIn["id"]!.GetValue<string>() });

        Assert.Equal("""{"name":"account","inverseName":"customers","kind":"STANDARD","fromModel":{"name":"Customer"},"toModel":{"name":"Account"}}""",
            new System.Text.Json.Nodes.JsonObject(builtIn.AsObject().Where(p => p.Key != "id").Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString());
        Assert.Equal("Account has no relationship named 'invoices'; it has customers, projects.", unknown.Errors![0]!["message"]!.GetValue<string>());
        Assert.Equal(["INVALID_ARGUMENT"], unknown.ErrorCodes);
        Assert.Equal("toMany", toMany.Errors![0]!["extensions"]!["rule"]!.GetValue<string>());
        Assert.Equal("""[{"rule":"standardRelationship"}]""", delete.Data!["deleteRelationship"]!["errors"]!.ToJsonString());
    }

    [Fact]
    public async Task Another_teams_relationships_are_invisible_and_unusable()
    {
        using var factory = new GatherApiFactory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        await SeedAsync(admin, new[] { new { name = "Acme" } }, Array.Empty<object>(), new[] { new { id = "p1", account = "Acme", owner = "ann@acme.com" } });
        var ours = (await admin.PostGraphQLAsync("{ relationships { id name } }")).Data!["relationships"]!.AsArray();
        var projectRelationship = ours.Single(r => r!["name"]!.GetValue<string>() == "owner")!["id"]!.GetValue<string>();

        var (_, _, otherSecret) = await factory.CreateOtherTeamAsync();
        var other = factory.CreateClient(otherSecret);
        var otherAccounts = (await other.PostGraphQLAsync("{ models { id name } }")).Data!["models"]![0]!["id"]!.GetValue<string>();
        (await other.PostAsJsonAsync($"/models/{otherAccounts}/records", new { name = "Acme" })).EnsureSuccessStatusCode();

        var listed = await other.PostGraphQLAsync("{ relationships { id name } }");
        var navigated = await other.PostGraphQLAsync("""{ accounts { nodes { related(name: "projects") { totalCount } } } }""");
        var deleted = await other.PostGraphQLAsync("""mutation($id: ID!) { deleteRelationship(input: { id: $id }) { errors { __typename } } }""",
            new { id = projectRelationship });

        Assert.Equal(["account"], listed.Data!["relationships"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()));
        Assert.Equal("unknownRelationship", navigated.Errors![0]!["extensions"]!["rule"]!.GetValue<string>());
        Assert.Equal("NotFoundError", deleted.Data!["deleteRelationship"]!["errors"]![0]!["__typename"]!.GetValue<string>());
        Assert.Equal(ours.Count, (await admin.PostGraphQLAsync("{ relationships { id } }")).Data!["relationships"]!.AsArray().Count);
    }
}
