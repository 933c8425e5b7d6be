using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gather.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Gather.Tests.Http;

/// <summary>
/// createIndex, indexes and dropIndex through the HTTP pipeline on the real SQLite store: an index
/// is the team's own partial index on its model, listed with its owners, status and size, counted
/// against the team's limit, and gone when the last owner lets go.
/// </summary>
public sealed class IndexGraphQLTests
{
    internal const string IndexFields = "id modelId fields { field direction } owners { kind id view { name } } status size { entries bytes unavailableReason } createdAt";

    internal static async Task<string> OrdersAsync(HttpClient admin, int records = 3)
    {
        var id = (await admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Orders", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        var rows = new JsonArray(Enumerable.Range(1, records).Select(i => (JsonNode)new JsonObject
            { ["id"] = $"{i}", ["status"] = i % 2 == 0 ? "paid" : "open", ["amount"] = i * 1000 }).ToArray());
        (await admin.PostAsJsonAsync($"/models/{id}/records", rows)).EnsureSuccessStatusCode();
        return id;
    }

    internal static async Task<JsonNode> CreateIndexAsync(HttpClient client, string modelId, params object[] fields) =>
        (await client.PostGraphQLAsync($$"""
            mutation($m: ID!, $f: [IndexFieldInput!]!) { createIndex(input: { modelId: $m, fields: $f }) {
              index { {{IndexFields}} } errors { message ... on ValidationError { field rule suggestion } } } }
            """, new { m = modelId, f = fields })).Data!["createIndex"]!;

    internal static async Task<JsonNode> DropIndexAsync(HttpClient client, string id) =>
        (await client.PostGraphQLAsync($$"""
            mutation($id: ID!) { dropIndex(input: { id: $id }) { dropped message index { {{IndexFields}} } errors { __typename message } } }
            """, new { id })).Data!["dropIndex"]!;

    internal static async Task<JsonArray> IndexesAsync(HttpClient client, string? modelId = null) =>
        (await client.PostGraphQLAsync($$"""query($m: ID) { indexes(modelId: $m) { {{IndexFields}} } }""", new { m = modelId }))
        .Data!["indexes"]!.AsArray();

    /// <summary>Gather's indexes on the teams' records tables, by name, with their SQL.</summary>
    internal static async Task<Dictionary<string, string>> HeldIndexesAsync(GatherApiFactory factory)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND substr(tbl_name, 1, 8) = 'records_' AND name LIKE 'ix_records_held_%'";
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new Dictionary<string, string>();
        while (await reader.ReadAsync())
            indexes[reader.GetString(0)] = reader.GetString(1);
        return indexes;
    }

    [Fact]
    public async Task An_index_is_created_listed_with_owner_status_and_size_asked_for_again_idempotently_and_dropped()
    {
        using var factory = new GatherApiFactory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await OrdersAsync(admin, records: 5);

        var created = await CreateIndexAsync(admin, orders, new { field = "status" }, new { field = "amount", direction = "DESC" });
        var again = await CreateIndexAsync(admin, orders, new { field = "status" }, new { field = "amount", direction = "DESC" });
        var listed = await IndexesAsync(admin);
        var ofModel = await IndexesAsync(admin, orders);
        var onDisk = await HeldIndexesAsync(factory);
        var dropped = await DropIndexAsync(admin, created["index"]!["id"]!.GetValue<string>());
        var droppedAgain = await DropIndexAsync(admin, created["index"]!["id"]!.GetValue<string>());

        Assert.Null(created["errors"]);
        var index = created["index"]!;
        Assert.Equal(orders, index["modelId"]!.GetValue<string>());
        Assert.Equal("""[{"field":"status","direction":"ASC"},{"field":"amount","direction":"DESC"}]""", index["fields"]!.ToJsonString());
        Assert.Equal("""[{"kind":"USER","id":null,"view":null}]""", index["owners"]!.ToJsonString());
        Assert.Equal("READY", index["status"]!.GetValue<string>());
        Assert.Equal(5, index["size"]!["entries"]!.GetValue<long>());
        // The bundled SQLite has no dbstat table: bytes are unknown and the answer says why.
        Assert.Null(index["size"]!["bytes"]);
        Assert.Contains("dbstat", index["size"]!["unavailableReason"]!.GetValue<string>());
        Assert.Equal(index.ToJsonString(), again["index"]!.ToJsonString());
        Assert.Equal(index.ToJsonString(), Assert.Single(listed)!.ToJsonString());
        Assert.Single(ofModel);
        var sql = Assert.Single(onDisk).Value;
        Assert.Equal(index["id"]!.GetValue<string>(), onDisk.Keys.Single());
        Assert.Contains($"WHERE team_id = '", sql);
        Assert.Contains($"model_id = '{orders}'", sql);
        Assert.Equal((true, "The index was dropped."), (dropped["dropped"]!.GetValue<bool>(), dropped["message"]!.GetValue<string>()));
        Assert.Null(dropped["index"]);
        Assert.Empty(await IndexesAsync(admin));
        Assert.Empty(await HeldIndexesAsync(factory));
        Assert.Equal("NotFoundError", droppedAgain["errors"]![0]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_rule_and_creates_nothing()
    {
        using var factory = new GatherApiFactory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await OrdersAsync(admin);
        var customers = (await admin.PostGraphQLAsync("""{ models { id name } }""")).Data!["models"]!.AsArray()
            .Single(m => m!["name"]!.GetValue<string>() == "Customer")!["id"]!.GetValue<string>();

        var typo = await CreateIndexAsync(admin, orders, new { field = "amout" });
        var none = await CreateIndexAsync(admin, orders);
        var tooMany = await CreateIndexAsync(admin, orders, new { field = "a" }, new { field = "b" }, new { field = "c" }, new { field = "d" }, new { field = "e" });
        var twice = await CreateIndexAsync(admin, orders, new { field = "amount" }, new { field = "amount", direction = "DESC" });
        var badPath = await CreateIndexAsync(admin, orders, new { field = "$where" });
        var noModel = await CreateIndexAsync(admin, "model_nope", new { field = "amount" });
        var unknownModelList = await admin.PostGraphQLAsync("""{ indexes(modelId: "model_nope") { id } }""");
        var emptyModel = await CreateIndexAsync(admin, customers, new { field = "plan" }); // Nothing synced yet: any well-formed path.

        static string Rules(JsonNode payload) => string.Join(",", payload["errors"]!.AsArray().Select(e => $"{e!["field"]}:{e["rule"]}"));
        Assert.Equal("fields[0].field:unknownField", Rules(typo));
        Assert.Equal("amount", typo["errors"]![0]!["suggestion"]!.GetValue<string>());
        Assert.Equal("fields:required", Rules(none));
        Assert.StartsWith("fields:maxLength", Rules(tooMany));
        Assert.Contains("Gather:Query:MaxIndexFields", tooMany["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("fields[1].field:duplicate", Rules(twice));
        Assert.Equal("fields[0].field:fieldPath", Rules(badPath));
        Assert.Equal("modelId:notFound", Rules(noModel));
        Assert.Equal(["NOT_FOUND"], unknownModelList.ErrorCodes);
        Assert.Null(emptyModel["errors"]);
        Assert.Equal([customers], (await IndexesAsync(admin)).Select(i => i!["modelId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_team_limit_refuses_one_more_index_naming_the_option_while_asking_again_for_a_held_one_costs_nothing()
    {
        using var factory = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:Query:MaxIndexesPerTeam"] = "2" });
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await OrdersAsync(admin);

        await CreateIndexAsync(admin, orders, new { field = "status" });
        await CreateIndexAsync(admin, orders, new { field = "amount" });
        var third = await CreateIndexAsync(admin, orders, new { field = "amount", direction = "DESC" });
        var heldAgain = await CreateIndexAsync(admin, orders, new { field = "status" });

        var error = Assert.Single(third["errors"]!.AsArray())!;
        Assert.Equal(("fields", "indexLimit"), (error["field"]!.GetValue<string>(), error["rule"]!.GetValue<string>()));
        Assert.Contains("Gather:Query:MaxIndexesPerTeam", error["message"]!.GetValue<string>());
        Assert.Null(third["index"]);
        Assert.Null(heldAgain["errors"]);
        Assert.Equal(2, (await IndexesAsync(admin)).Count);
        Assert.Equal(2, (await HeldIndexesAsync(factory)).Count);
    }

    [Fact]
    public async Task Reading_indexes_needs_read_and_creating_or_dropping_needs_manage_views()
    {
        using var factory = new GatherApiFactory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await OrdersAsync(admin);
        async Task<HttpClient> KeyAsync(string scope) => factory.CreateClient((await admin.PostGraphQLAsync(
            $"mutation {{ createApiKey(input: {{ name: \"{scope} key\", scopes: [{scope}] }}) {{ secret }} }}")).Data!["createApiKey"]!["secret"]!.GetValue<string>());
        var reader = await KeyAsync("READ");
        var curator = await KeyAsync("MANAGE_VIEWS");

        var refused = await reader.PostGraphQLAsync("""mutation($m: ID!) { createIndex(input: { modelId: $m, fields: [{ field: "amount" }] }) { index { id } } }""",
            new { m = orders });
        var created = await CreateIndexAsync(curator, orders, new { field = "amount" });
        var id = created["index"]!["id"]!.GetValue<string>();
        var listedByReader = await IndexesAsync(reader);
        var dropRefused = await reader.PostGraphQLAsync("""mutation($id: ID!) { dropIndex(input: { id: $id }) { dropped } }""", new { id });
        var dropped = await DropIndexAsync(curator, id);

        Assert.Equal(["FORBIDDEN"], refused.ErrorCodes);
        Assert.Contains("MANAGE_VIEWS, WRITE or ADMIN", refused.Errors![0]!["message"]!.GetValue<string>());
        Assert.Null(created["errors"]);
        Assert.Equal(id, Assert.Single(listedByReader)!["id"]!.GetValue<string>());
        Assert.Equal(["FORBIDDEN"], dropRefused.ErrorCodes);
        Assert.True(dropped["dropped"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_team_never_sees_nor_drops_another_teams_index()
    {
        using var factory = new GatherApiFactory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var (_, _, otherSecret) = await factory.CreateOtherTeamAsync();
        var other = factory.CreateClient(otherSecret);
        var orders = await OrdersAsync(admin);
        var otherOrders = await OrdersAsync(other);

        var mine = (await CreateIndexAsync(admin, orders, new { field = "amount" }))["index"]!["id"]!.GetValue<string>();
        var theirs = (await CreateIndexAsync(other, otherOrders, new { field = "amount" }))["index"]!["id"]!.GetValue<string>();
        var otherSees = await IndexesAsync(other);
        var otherDrops = await DropIndexAsync(other, mine);
        var otherIndexesMyModel = await CreateIndexAsync(other, orders, new { field = "status" });
        var otherListsMyModel = await other.PostGraphQLAsync("""query($m: ID!) { indexes(modelId: $m) { id } }""", new { m = orders });

        Assert.NotEqual(mine, theirs); // Same model name and fields, another team: another index.
        Assert.Equal([theirs], otherSees.Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal("NotFoundError", otherDrops["errors"]![0]!["__typename"]!.GetValue<string>());
        Assert.Equal("modelId:notFound", $"{otherIndexesMyModel["errors"]![0]!["field"]}:{otherIndexesMyModel["errors"]![0]!["rule"]}");
        Assert.Equal(["NOT_FOUND"], otherListsMyModel.ErrorCodes);
        Assert.Equal([mine], (await IndexesAsync(admin)).Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal(2, (await HeldIndexesAsync(factory)).Count);
    }

    [Fact]
    public async Task Deleting_a_model_drops_its_indexes_and_frees_their_places_while_other_models_keep_theirs()
    {
        using var factory = new GatherApiFactory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await OrdersAsync(admin);
        var invoices = (await admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Invoices", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        await CreateIndexAsync(admin, orders, new { field = "status" });
        await CreateIndexAsync(admin, orders, new { field = "amount", direction = "DESC" });
        var kept = await CreateIndexAsync(admin, invoices, new { field = "total" });

        var deleted = await admin.PostGraphQLAsync("""mutation($id: ID!) { deleteModel(input: { id: $id, confirmName: "Orders" }) { errors { message } } }""", new { id = orders });
        var listed = await IndexesAsync(admin);
        var onDisk = await HeldIndexesAsync(factory);

        Assert.True(deleted.Errors is null, deleted.Errors?.ToJsonString());
        Assert.Null(deleted.Data!["deleteModel"]!["errors"]);
        var index = Assert.Single(listed);
        Assert.Equal(kept["index"]!["id"]!.GetValue<string>(), index!["id"]!.GetValue<string>());
        Assert.Equal([kept["index"]!["id"]!.GetValue<string>()], onDisk.Keys);
    }
}
