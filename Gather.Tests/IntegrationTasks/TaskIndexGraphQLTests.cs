using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gather.Tests.Support;
using Microsoft.Data.Sqlite;
using static Gather.Tests.Support.IntegrationTaskSteps;

namespace Gather.Tests.IntegrationTasks;

/// <summary>
/// The index a Sync Stripe Charges task holds, through GraphQL on the real SQLite store: it is the
/// team's own (a partial index on its model), counted against the team's limit, and gone with the
/// task, so one team's task churn leaves nothing on the table every team writes to.
/// </summary>
public sealed class TaskIndexGraphQLTests : IAsyncLifetime
{
    private FakeStripeServer _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripeServer.StartAsync(customers: 2, chargesPerCustomer: 1);

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    private GatherApiFactory Factory(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gather:Stripe:ApiBase"] = _stripe.Address.ToString(),
            [GatherApiFactory.SchedulerEnabled] = "false",
            ["Gather:Tasks:SyncStripeCustomersOnConnect"] = "false",
        };
        foreach (var (key, value) in extra)
            settings[key] = value;
        return new GatherApiFactory(settings);
    }

    private static async Task<JsonNode> CreateTaskAsync(HttpClient admin, string integration, string model, string field) =>
        (await admin.PostGraphQLAsync("""
            mutation($i: ID!, $m: ID!, $f: String!) { createIntegrationTask(input: { integrationId: $i, kind: SYNC_STRIPE_CHARGES, options: { modelId: $m, chargeIdField: $f } }) {
              task { id } errors { message ... on ValidationError { field rule } } } }
            """, new { i = integration, m = model, f = field })).Data!["createIntegrationTask"]!;

    private static async Task DeleteTaskAsync(HttpClient admin, string task) =>
        Assert.Null((await admin.PostGraphQLAsync("""mutation($id: ID!) { deleteIntegrationTask(input: { id: $id }) { errors { message } } }""",
            new { id = task })).Data!["deleteIntegrationTask"]!["errors"]);

    /// <summary>Every index on the teams' records tables, with its SQL.</summary>
    private static async Task<Dictionary<string, string?>> RecordIndexesAsync(GatherApiFactory factory)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND substr(tbl_name, 1, 8) = 'records_'";
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new Dictionary<string, string?>();
        while (await reader.ReadAsync())
            indexes[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        return indexes;
    }

    private static async Task<string> CreateModelAsync(HttpClient admin, string name) =>
        (await admin.PostGraphQLAsync("""mutation($n: String!) { createModel(input: { name: $n, idField: "id" }) { model { id } } }""", new { n = name }))
        .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();

    [Fact]
    public async Task A_task_holds_a_partial_index_on_its_own_model_and_40_created_and_deleted_tasks_leave_none_behind()
    {
        using var factory = Factory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var (otherTeam, _, otherSecret) = await factory.CreateOtherTeamAsync();
        var other = factory.CreateClient(otherSecret);
        var orders = await CreateOrdersAsync(admin, [("1", "ch_1")]);
        var otherOrders = await CreateOrdersAsync(other, [("1", "ch_1")]);
        // A task's charge id field must be one the records have.
        var churned = new JsonObject { ["id"] = "2" };
        for (var i = 0; i < 40; i++)
            churned[$"charge_{i}"] = $"ch_{i}";
        (await admin.PostAsJsonAsync($"/models/{orders}/records", churned)).EnsureSuccessStatusCode();
        var integration = await ConnectStripeAsync(admin);
        var before = await RecordIndexesAsync(factory);

        var first = (await CreateTaskAsync(admin, integration, orders, "stripe_charge_id"))["task"]!["id"]!.GetValue<string>();
        var held = (await RecordIndexesAsync(factory)).Except(before).ToList();
        await DeleteTaskAsync(admin, first);
        var afterFirst = await RecordIndexesAsync(factory);
        // One team's churn: a new charge id field each time, as was seen slowing every other team.
        for (var i = 0; i < 40; i++)
        {
            var task = await CreateTaskAsync(admin, integration, orders, $"charge_{i}");
            Assert.Null(task["errors"]);
            await DeleteTaskAsync(admin, task["task"]!["id"]!.GetValue<string>());
        }
        var afterChurn = await RecordIndexesAsync(factory);
        var otherIndexes = (await other.PostGraphQLAsync("{ integrationTasks { id } }")).Data!["integrationTasks"]!.AsArray();

        var (name, sql) = Assert.Single(held);
        Assert.StartsWith("ix_records_held_", name);
        Assert.Contains($"WHERE team_id = 'team_", sql); // The first team's id, a literal: partial, not shared.
        Assert.Contains($"AND model_id = '{orders}'", sql);
        Assert.DoesNotContain(otherTeam, sql);
        Assert.DoesNotContain(otherOrders, sql);
        Assert.Equal(before.Keys.Order(), afterFirst.Keys.Order());
        Assert.Equal(before.Keys.Order(), afterChurn.Keys.Order());
        Assert.Empty(otherIndexes);
    }

    [Fact]
    public async Task A_team_at_its_index_limit_gets_an_error_naming_the_limit_stores_no_task_and_leaves_other_teams_free()
    {
        using var factory = Factory(("Gather:Query:MaxIndexesPerTeam", "2"));
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var (_, _, otherSecret) = await factory.CreateOtherTeamAsync();
        var other = factory.CreateClient(otherSecret);
        var integration = await ConnectStripeAsync(admin);
        var otherIntegration = await ConnectStripeAsync(other);
        var models = new List<string>();
        foreach (var name in new[] { "Orders", "Invoices", "Refunds" })
            models.Add(await CreateModelAsync(admin, name));
        var otherModel = await CreateModelAsync(other, "Orders");

        var one = await CreateTaskAsync(admin, integration, models[0], "stripe_charge_id");
        var two = await CreateTaskAsync(admin, integration, models[1], "stripe_charge_id");
        var three = await CreateTaskAsync(admin, integration, models[2], "stripe_charge_id");
        var otherTeams = await CreateTaskAsync(other, otherIntegration, otherModel, "stripe_charge_id");
        var tasks = (await admin.PostGraphQLAsync("{ integrationTasks { options { modelId } } }")).Data!["integrationTasks"]!.AsArray();
        await DeleteTaskAsync(admin, one["task"]!["id"]!.GetValue<string>());
        var afterDelete = await CreateTaskAsync(admin, integration, models[2], "stripe_charge_id");

        Assert.Null(one["errors"]);
        Assert.Null(two["errors"]);
        Assert.Null(three["task"]);
        var error = Assert.Single(three["errors"]!.AsArray())!;
        Assert.Equal("options.chargeIdField:indexLimit", $"{error["field"]}:{error["rule"]}");
        Assert.Contains("Gather:Query:MaxIndexesPerTeam", error["message"]!.GetValue<string>());
        Assert.Contains("(2)", error["message"]!.GetValue<string>());
        Assert.Equal([models[0], models[1]], tasks.Select(t => t!["options"]!["modelId"]!.GetValue<string>()));
        Assert.Null(otherTeams["errors"]); // Another team's limit is its own.
        Assert.Null(afterDelete["errors"]); // Deleting a task gave its place back.
        Assert.Equal(3, (await RecordIndexesAsync(factory)).Keys.Count(k => k.StartsWith("ix_records_held_", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_task_whose_index_would_be_built_on_a_model_past_the_build_bound_is_refused_naming_the_limit_and_not_stored()
    {
        using var factory = Factory(("Gather:Query:MaxIndexBuildRecords", "2"));
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var integration = await ConnectStripeAsync(admin);
        var large = await CreateModelAsync(admin, "Orders");
        var small = await CreateModelAsync(admin, "Invoices");
        foreach (var (model, count) in new[] { (large, 3), (small, 2) })
            Assert.True((await admin.PostAsJsonAsync($"/models/{model}/records",
                Enumerable.Range(0, count).Select(i => new { id = $"r{i}", stripe_charge_id = $"ch_{i}" }).ToArray())).IsSuccessStatusCode);

        var refused = await CreateTaskAsync(admin, integration, large, "stripe_charge_id");
        var allowed = await CreateTaskAsync(admin, integration, small, "stripe_charge_id");
        var tasks = (await admin.PostGraphQLAsync("{ integrationTasks { options { modelId } } }")).Data!["integrationTasks"]!.AsArray();

        Assert.Null(refused["task"]);
        var error = Assert.Single(refused["errors"]!.AsArray())!;
        Assert.Equal("options.modelId:indexBuildTooLarge", $"{error["field"]}:{error["rule"]}");
        Assert.Contains("Gather:Query:MaxIndexBuildRecords", error["message"]!.GetValue<string>());
        Assert.Null(allowed["errors"]);
        Assert.Equal([small], tasks.Select(t => t!["options"]!["modelId"]!.GetValue<string>()));
        Assert.Single((await RecordIndexesAsync(factory)).Keys, k => k.StartsWith("ix_records_held_", StringComparison.Ordinal));
    }
}
